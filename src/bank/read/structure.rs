//! The parts of a bank around its questions: the scoring parameters, modules, dimensions,
//! services and roles.

use super::condition::optional_condition;
use super::{positive, Ids};
use crate::bank::{BandTexts, Dimension, Level, Module, Role, Scoring, Service};
use crate::json_read::{child, index, Reader};
use crate::problem::ProblemKind;
use serde_json::Value;

pub(super) fn read_scoring(r: &mut Reader, value: &Value, path: &str) -> Option<Scoring> {
    let map = r.object(value, path)?;
    r.known_fields(
        map,
        path,
        &[
            "levels",
            "red_flag_level_cap",
            "high_risk_below",
            "low_risk_from",
        ],
    );
    let levels_path = child(path, "levels");
    let levels = r
        .required(map, path, "levels")
        .and_then(|v| r.array(v, &levels_path))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let p = index(&levels_path, i);
                    let m = r.object(item, &p)?;
                    r.known_fields(m, &p, &["min", "name", "description"]);
                    let min = r
                        .required(m, &p, "min")
                        .and_then(|v| r.number(v, &child(&p, "min")));
                    let name = r.required_text(m, &p, "name");
                    let description = r.required_text(m, &p, "description");
                    Some(Level {
                        min: min?,
                        name: name?,
                        description: description?,
                    })
                })
                .collect::<Vec<_>>()
        });
    if let Some(levels) = &levels {
        let rising = levels.windows(2).all(|w| w[0].min < w[1].min);
        if levels.len() != 5 || levels[0].min != 0.0 || !rising || levels[4].min > 100.0 {
            r.report(&levels_path, ProblemKind::BadLevels);
        }
    }
    let cap_path = child(path, "red_flag_level_cap");
    let cap = r
        .required(map, path, "red_flag_level_cap")
        .and_then(|v| match v.as_u64() {
            Some(n @ 1..=5) => Some(n as u8),
            _ => {
                r.report(&cap_path, ProblemKind::OutOfRange { min: 1.0, max: 5.0 });
                None
            }
        });
    let high = r
        .required(map, path, "high_risk_below")
        .and_then(|v| percent(r, v, &child(path, "high_risk_below")));
    let low = r
        .required(map, path, "low_risk_from")
        .and_then(|v| percent(r, v, &child(path, "low_risk_from")));
    if let (Some(h), Some(l)) = (high, low) {
        if h > l {
            r.report(
                child(path, "low_risk_from"),
                ProblemKind::OutOfRange { min: h, max: 100.0 },
            );
        }
    }
    Some(Scoring {
        levels: levels?,
        red_flag_level_cap: cap?,
        high_risk_below: high?,
        low_risk_from: low?,
    })
}

fn percent(r: &mut Reader, value: &Value, path: &str) -> Option<f64> {
    let n = r.number(value, path)?;
    if (0.0..=100.0).contains(&n) {
        Some(n)
    } else {
        r.report(
            path,
            ProblemKind::OutOfRange {
                min: 0.0,
                max: 100.0,
            },
        );
        None
    }
}

pub(super) fn read_module(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
) -> Option<Module> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["id", "name", "description", "show_if"]);
    let id = r.required_id(map, path, "id");
    let name = r.required_text(map, path, "name");
    let description = r.required_text(map, path, "description");
    let show_if = optional_condition(r, map, path, ids, questions)?;
    Some(Module {
        id: id?,
        name: name?,
        description: description?,
        show_if,
    })
}

pub(super) fn read_dimension(r: &mut Reader, value: &Value, path: &str) -> Option<Dimension> {
    let map = r.object(value, path)?;
    r.known_fields(
        map,
        path,
        &["id", "weight", "name", "description", "summary"],
    );
    let id = r.required_id(map, path, "id");
    let weight = r
        .required(map, path, "weight")
        .and_then(|v| positive(r, v, &child(path, "weight")));
    let name = r.required_text(map, path, "name");
    let description = r.required_text(map, path, "description");
    let summary_path = child(path, "summary");
    let summary = r.required(map, path, "summary").and_then(|v| {
        let m = r.object(v, &summary_path)?;
        r.known_fields(m, &summary_path, &["high_risk", "medium_risk", "low_risk"]);
        let mut band = |key: &str| {
            r.required(m, &summary_path, key)
                .and_then(|v| r.text(v, &child(&summary_path, key)))
        };
        let (high_risk, medium_risk, low_risk) =
            (band("high_risk"), band("medium_risk"), band("low_risk"));
        Some(BandTexts {
            high_risk: high_risk?,
            medium_risk: medium_risk?,
            low_risk: low_risk?,
        })
    });
    Some(Dimension {
        id: id?,
        weight: weight?,
        name: name?,
        description: description?,
        summary: summary?,
    })
}

pub(super) fn read_service(r: &mut Reader, value: &Value, path: &str) -> Option<Service> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["id", "name", "description"]);
    let id = r.required_id(map, path, "id");
    let name = r.required_text(map, path, "name");
    let description = r.required_text(map, path, "description");
    Some(Service {
        id: id?,
        name: name?,
        description: description?,
    })
}

pub(super) fn read_role(r: &mut Reader, value: &Value, path: &str) -> Option<Role> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["id", "name"]);
    let id = r.required_id(map, path, "id");
    let name = r.required_text(map, path, "name");
    Some(Role {
        id: id?,
        name: name?,
    })
}
