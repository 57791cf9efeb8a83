//! The scoring promises of the published method, checked on the mini bank and on generated
//! banks, from states a respondent can reach by clicking through `Session::apply`. The
//! properties run under proptest: a failure is shrunk to the smallest bank and clicks that
//! still fail, and printed as the bank's JSON.

use crate::util::{
    actions_for, answer_all, arb_bank, arb_bank_or_mini, arb_profile, arb_rng, config, mini_bank,
    random_profile, random_session, session_with_profile, strongest, weakest, Rng,
};
use proptest::prelude::*;
use tscheck::answers::{Answer, NOT_APPLICABLE};
use tscheck::bank::{Bank, QuestionKind};
use tscheck::profile::{Industry, Profile};
use tscheck::report;
use tscheck::score::{score, Scores};
use tscheck::session::{Action, Session};

fn scores_of(bank: &Bank, session: &Session) -> Scores {
    score(bank, &session.profile, &session.answers)
}

/// The level the published table gives a rounded overall score: the highest level whose
/// minimum it reaches.
fn table_level(bank: &Bank, overall: u8) -> u8 {
    let mut level = 1;
    for (i, l) in bank.scoring().levels.iter().enumerate() {
        if f64::from(overall) >= l.min {
            level = i as u8 + 1;
        }
    }
    level
}

fn visible_critical(bank: &Bank, session: &Session) -> Vec<usize> {
    session
        .visibility(bank)
        .questions()
        .filter(|&i| bank.questions()[i].critical.is_some())
        .collect()
}

pub(crate) fn strongest_answers_score_full_marks(bank: &Bank, profile: &Profile) {
    let session = answer_all(bank, session_with_profile(bank, profile), strongest);
    let scores = scores_of(bank, &session);
    assert_eq!(scores.overall_rounded(), 100, "{profile:?}");
    assert_eq!(scores.level, 5, "{profile:?}");
    assert!(
        scores.red_flags.is_empty(),
        "{profile:?}: {:?}",
        scores.red_flags
    );
    for d in &scores.dimensions {
        assert!(d.rounded().is_none_or(|s| s == 100), "{d:?}");
    }
}

pub(crate) fn weakest_answers_score_zero_and_flag_every_critical_question(
    bank: &Bank,
    profile: &Profile,
) {
    let session = answer_all(bank, session_with_profile(bank, profile), weakest);
    let scores = scores_of(bank, &session);
    assert_eq!(scores.overall_rounded(), 0, "{profile:?}");
    assert_eq!(scores.level, 1, "{profile:?}");
    assert_eq!(
        scores.red_flags,
        visible_critical(bank, &session),
        "{profile:?}"
    );
}

/// Every way to raise one answer of `session`: a higher-scoring option, or one more practice.
fn raises(bank: &Bank, session: &Session) -> Vec<Action> {
    let mut out = Vec::new();
    for i in session.visibility(bank).questions() {
        let question = &bank.questions()[i];
        let id = question.id.clone();
        match (question.kind, session.answers.get(&question.id)) {
            (QuestionKind::Single, Some(Answer::Choice(chosen))) => {
                let now = question.option(chosen).expect("a known option").value;
                for option in question.options.iter().filter(|o| o.value > now) {
                    out.push(Action::Choose {
                        question: id.clone(),
                        option: option.id.clone(),
                    });
                }
            }
            (QuestionKind::Checklist, Some(Answer::Checked(ticked))) => {
                for option in question.options.iter().filter(|o| !ticked.contains(&o.id)) {
                    out.push(Action::Tick {
                        question: id.clone(),
                        option: option.id.clone(),
                        ticked: true,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Raises each answer of `session` in turn and checks that nothing falls; returns how many
/// raises it checked.
fn check_every_raise(bank: &Bank, session: &Session) -> usize {
    let before = scores_of(bank, session);
    let raises = raises(bank, session);
    for raise in &raises {
        let after_session = session.clone().apply(bank, raise.clone());
        assert_ne!(
            after_session.answers, session.answers,
            "{raise:?} changed nothing"
        );
        let after = scores_of(bank, &after_session);
        let context = || {
            format!(
                "{raise:?}\nfrom {:?}\nwith {:?}",
                session.answers, session.profile
            )
        };
        for (d, (b, a)) in before.dimensions.iter().zip(&after.dimensions).enumerate() {
            if let Some(b) = b.score {
                let a = a
                    .score
                    .unwrap_or_else(|| panic!("dimension {d} lost its score: {}", context()));
                assert!(a >= b, "dimension {d} fell from {b} to {a}: {}", context());
            }
        }
        assert!(
            after.overall >= before.overall,
            "overall fell: {}",
            context()
        );
        assert!(
            after.level >= before.level,
            "level fell from {} to {}: {}",
            before.level,
            after.level,
            context()
        );
        let new_flags: Vec<_> = after
            .red_flags
            .iter()
            .filter(|f| !before.red_flags.contains(f))
            .collect();
        assert!(
            new_flags.is_empty(),
            "new red flags {new_flags:?}: {}",
            context()
        );
    }
    raises.len()
}

pub(crate) fn raising_an_answer_never_lowers_anything(bank: &Bank, rng: &mut Rng, rounds: usize) {
    let mut checked = 0;
    for _ in 0..rounds {
        let clicks = rng.below(4 * bank.questions().len() + 1);
        checked += check_every_raise(
            bank,
            &random_session(bank, &random_profile(rng), rng, clicks),
        );
    }
    assert!(checked > 0, "no answer could be raised");
}

pub(crate) fn not_applicable_only_touches_its_own_dimension(
    bank: &Bank,
    rng: &mut Rng,
    rounds: usize,
) {
    for _ in 0..rounds {
        let clicks = rng.below(3 * bank.questions().len() + 1);
        let session = random_session(bank, &random_profile(rng), rng, clicks);
        let before = scores_of(bank, &session);
        for i in session.visibility(bank).questions() {
            let question = &bank.questions()[i];
            if !question.not_applicable {
                continue;
            }
            let action = Action::Choose {
                question: question.id.clone(),
                option: NOT_APPLICABLE.into(),
            };
            let after_session = session.clone().apply(bank, action);
            assert_eq!(
                after_session.answers.get(&question.id),
                Some(&Answer::NotApplicable)
            );
            let after = scores_of(bank, &after_session);
            for (d, (b, a)) in before.dimensions.iter().zip(&after.dimensions).enumerate() {
                if d != question.dimension {
                    assert_eq!(
                        a.score, b.score,
                        "{} marked n/a changed dimension {d}",
                        question.id
                    );
                }
            }
        }
    }
}

/// Replays the answers of `session` in a random order a respondent could follow (a question
/// only once it is shown), ticking checklist boxes one by one.
fn replay_in_random_order(bank: &Bank, session: &Session, rng: &mut Rng) -> Session {
    let mut pending: Vec<(usize, Vec<Action>)> = session
        .answers
        .iter()
        .map(|(id, answer)| {
            let i = bank.question_index(id).expect("a known question");
            let mut actions = actions_for(&bank.questions()[i], answer);
            rng.shuffle(&mut actions);
            (i, actions)
        })
        .collect();
    let mut replay = session_with_profile(bank, &session.profile);
    while !pending.is_empty() {
        let visibility = replay.visibility(bank);
        let ready: Vec<usize> = (0..pending.len())
            .filter(|&k| visibility.is_visible(pending[k].0))
            .collect();
        assert!(
            !ready.is_empty(),
            "answers to hidden questions: {:?}",
            session.answers
        );
        let k = *rng.pick(&ready);
        let action = pending[k].1.pop().expect("an action");
        if pending[k].1.is_empty() {
            pending.swap_remove(k);
        }
        replay = replay.apply(bank, action);
    }
    replay
}

pub(crate) fn the_order_of_answering_does_not_matter(bank: &Bank, rng: &mut Rng, rounds: usize) {
    for _ in 0..rounds {
        let clicks = rng.below(4 * bank.questions().len() + 1);
        let session = random_session(bank, &random_profile(rng), rng, clicks);
        let expected = scores_of(bank, &session);
        for _ in 0..2 {
            let replay = replay_in_random_order(bank, &session, rng);
            assert_eq!(replay.answers, session.answers);
            assert_eq!(scores_of(bank, &replay), expected);
        }
    }
}

pub(crate) fn red_flags_cap_the_level(bank: &Bank, rng: &mut Rng, rounds: usize) {
    let cap = bank.scoring().red_flag_level_cap;
    for _ in 0..rounds {
        let clicks = rng.below(4 * bank.questions().len() + 1);
        let session = random_session(bank, &random_profile(rng), rng, clicks);
        let scores = scores_of(bank, &session);
        let by_table = table_level(bank, scores.overall_rounded());
        if scores.red_flags.is_empty() {
            assert_eq!(scores.level, by_table);
        } else {
            assert_eq!(scores.level, by_table.min(cap), "{:?}", scores.red_flags);
        }
    }
    // The strongest answers everywhere but one critical question: the cap must bite.
    let profile = Profile::default();
    let strong = answer_all(bank, session_with_profile(bank, &profile), strongest);
    for i in visible_critical(bank, &strong) {
        let question = &bank.questions()[i];
        let mut session = strong.clone().apply(
            bank,
            Action::ClearAnswer {
                question: question.id.clone(),
            },
        );
        for action in actions_for(question, &weakest(question)) {
            session = session.apply(bank, action);
        }
        let scores = scores_of(bank, &session);
        assert_eq!(scores.red_flags, vec![i]);
        assert_eq!(
            scores.level,
            table_level(bank, scores.overall_rounded()).min(cap)
        );
    }
}

/// Runs every property on one bank; the bundled bank's test calls this too.
pub(crate) fn check_every_scoring_property(bank: &Bank, seed: u64, rounds: usize) {
    let mut rng = Rng::new(seed);
    for _ in 0..3 {
        let profile = random_profile(&mut rng);
        strongest_answers_score_full_marks(bank, &profile);
        weakest_answers_score_zero_and_flag_every_critical_question(bank, &profile);
    }
    raising_an_answer_never_lowers_anything(bank, &mut rng, rounds);
    not_applicable_only_touches_its_own_dimension(bank, &mut rng, rounds);
    the_order_of_answering_does_not_matter(bank, &mut rng, rounds);
    red_flags_cap_the_level(bank, &mut rng, rounds);
}

proptest! {
    #![proptest_config(config(40))]

    #[test]
    fn the_strongest_answers_score_100_at_level_5_without_red_flags(
        b in arb_bank_or_mini(5),
        profile in arb_profile(),
    ) {
        strongest_answers_score_full_marks(&b.bank, &profile);
    }

    #[test]
    fn the_weakest_answers_score_0_at_level_1_and_flag_every_visible_critical_question(
        b in arb_bank_or_mini(5),
        profile in arb_profile(),
    ) {
        weakest_answers_score_zero_and_flag_every_critical_question(&b.bank, &profile);
    }

    #[test]
    fn a_better_answer_never_lowers_a_score_or_the_level_and_never_adds_a_red_flag(
        b in arb_bank_or_mini(5),
        mut rng in arb_rng(),
    ) {
        raising_an_answer_never_lowers_anything(&b.bank, &mut rng, 6);
    }

    #[test]
    fn marking_a_question_not_applicable_never_changes_another_dimension(
        b in arb_bank_or_mini(5),
        mut rng in arb_rng(),
    ) {
        not_applicable_only_touches_its_own_dimension(&b.bank, &mut rng, 4);
    }

    #[test]
    fn answering_in_a_different_order_gives_identical_scores(
        b in arb_bank_or_mini(5),
        mut rng in arb_rng(),
    ) {
        the_order_of_answering_does_not_matter(&b.bank, &mut rng, 4);
    }

    #[test]
    fn red_flags_cap_the_level_at_the_banks_cap(b in arb_bank_or_mini(5), mut rng in arb_rng()) {
        red_flags_cap_the_level(&b.bank, &mut rng, 5);
    }

    #[test]
    fn one_full_answer_among_unanswered_questions_scores_100_in_generated_banks(
        b in arb_bank(5),
        profile in arb_profile(),
    ) {
        one_full_answer_scores_100(&b.bank, &profile);
    }

    #[test]
    fn a_better_answer_never_lowers_a_score_after_the_profile_changed_back_and_forth(
        b in arb_bank_or_mini(5),
        mut rng in arb_rng(),
    ) {
        for _ in 0..5 {
            let clicks = rng.below(6 * b.bank.questions().len() + 1);
            check_every_raise(
                &b.bank,
                &random_session_with_profile_changes(&b.bank, &mut rng, clicks),
            );
        }
    }
}

#[test]
fn a_critical_gap_caps_the_mini_bank_at_level_2() {
    // Everything at its best except a1 (critical, weight 2) at its weakest:
    // alpha = (2·0 + 1·1 + 1·1) / 4 = 50, beta = 100, overall = (2·50 + 1·100) / 3 = 66.7 → 67,
    // which is level 3 by the table (60 ≤ 67 < 75), capped to 2 by the red flag.
    let bank = mini_bank();
    let strong = answer_all(&bank, Session::default(), strongest);
    let session = strong.apply(
        &bank,
        Action::Choose {
            question: "a1".into(),
            option: "none".into(),
        },
    );
    let scores = scores_of(&bank, &session);
    assert_eq!(scores.overall_rounded(), 67);
    assert_eq!((scores.uncapped_level, scores.level), (3, 2));
    assert_eq!(scores.red_flags, vec![bank.question_index("a1").unwrap()]);
}

#[test]
fn an_unanswered_question_does_not_count_as_zero() {
    // b1 at its best shows b2, left unanswered; b3 is hidden for a general enterprise.
    let bank = mini_bank();
    let session = Session::default().apply(
        &bank,
        Action::Choose {
            question: "b1".into(),
            option: "full".into(),
        },
    );
    let built = report::build(
        &bank,
        &session.profile,
        &session.answers,
        &Default::default(),
        None,
        None,
    );
    let beta = built
        .dimensions
        .iter()
        .find(|d| d.id == "beta")
        .expect("beta is shown");
    assert_eq!(
        (beta.score(), beta.visible, beta.answered, beta.completeness),
        (Some(100), 2, 1, 50)
    );
    // Nothing answered in alpha: no score at all, and the overall rests on beta alone.
    let alpha = built
        .dimensions
        .iter()
        .find(|d| d.id == "alpha")
        .expect("alpha is shown");
    assert_eq!(alpha.score(), None);
    assert_eq!(built.overall, 100);
}

/// In every shown section, the first question at its strongest and the rest unanswered: the
/// section scores 100 and its completeness counts one answer.
fn one_full_answer_scores_100(bank: &Bank, profile: &Profile) {
    let fresh = session_with_profile(bank, profile);
    let visibility = fresh.visibility(bank);
    for d in visibility.sections(bank) {
        let first = visibility
            .questions_of(bank, d)
            .next()
            .expect("a shown section has a question");
        let question = &bank.questions()[first];
        let mut session = fresh.clone();
        for action in actions_for(question, &strongest(question)) {
            session = session.apply(bank, action);
        }
        let built = report::build(
            bank,
            profile,
            &session.answers,
            &Default::default(),
            None,
            None,
        );
        let dimension = built
            .dimensions
            .iter()
            .find(|r| r.id == bank.dimensions()[d].id)
            .unwrap();
        assert_eq!(dimension.score(), Some(100));
        assert_eq!(dimension.answered, 1);
        assert_eq!(usize::from(dimension.completeness), 100 / dimension.visible);
    }
}

#[test]
fn each_industry_of_the_mini_bank_keeps_every_promise() {
    let bank = mini_bank();
    for (n, industry) in Industry::ALL.iter().enumerate() {
        let profile = Profile {
            industry: *industry,
            ..Profile::default()
        };
        strongest_answers_score_full_marks(&bank, &profile);
        weakest_answers_score_zero_and_flag_every_critical_question(&bank, &profile);
        check_every_scoring_property(&bank, 100 + n as u64, 30);
    }
}

/// A respondent who also changes the profile now and then: answers to questions the profile
/// hides are kept (switching back restores them).
fn random_session_with_profile_changes(bank: &Bank, rng: &mut Rng, clicks: usize) -> Session {
    let mut session = session_with_profile(bank, &random_profile(rng));
    for _ in 0..clicks {
        let action = if rng.chance(15) {
            Some(Action::SetProfile(random_profile(rng)))
        } else {
            crate::util::random_click(bank, &session, rng)
        };
        if let Some(action) = action {
            session = session.apply(bank, action);
        }
    }
    session
}

#[test]
fn a_follow_up_hidden_by_the_profile_comes_back_empty_when_a_better_answer_reveals_it() {
    // b2 follows b1 (some or full) for general enterprises only, and counts in alpha.
    let bank = crate::util::mini_bank_with(|b| {
        let b2 = crate::util::question_json(b, "b2");
        b2["dimension"] = serde_json::json!("alpha");
        b2["show_if"] = serde_json::json!({ "all": [
            { "answer": { "question": "b1", "any_of": ["some", "full"] } },
            { "industry": ["general"] },
        ] });
    });
    let biomedical = Profile {
        industry: Industry::Biomedical,
        ..Profile::default()
    };
    let choose = |q: &str, o: &str| Action::Choose {
        question: q.into(),
        option: o.into(),
    };
    let mut session = Session::default();
    for action in [
        choose("a1", "full"),
        choose("b1", "full"),
        choose("b2", "none"),
        Action::SetProfile(biomedical), // hides b2, keeping its answer
        choose("b1", "none"),           // b2 was hidden already
        Action::SetProfile(Profile::default()), // b2 stays hidden: b1 is "none"
    ] {
        session = session.apply(&bank, action);
    }
    let alpha = bank.dimension_index("alpha").unwrap();
    assert_eq!(
        scores_of(&bank, &session).dimensions[alpha].rounded(),
        Some(100)
    );
    let session = session.apply(&bank, choose("b1", "full"));
    assert_eq!(
        session.answers.get("b2"),
        None,
        "the old answer to b2 is not brought back"
    );
    assert_eq!(
        scores_of(&bank, &session).dimensions[alpha].rounded(),
        Some(100)
    );
}
