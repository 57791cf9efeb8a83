//! The evidence index: for each measure of SPC 2020 provisions Art. 6, the records that would
//! show it, each present when its `have_if` condition holds on the answers.

use super::condition::read_condition;
use super::{read_list_at, Ids};
use crate::bank::{EvidenceMeasure, EvidenceRecord};
use crate::json_read::{child, Reader};
use crate::problem::ProblemKind;
use serde_json::Value;

pub(super) fn read_evidence_measure(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
) -> Option<EvidenceMeasure> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["measure", "name", "records"]);
    let measure = r
        .required(map, path, "measure")
        .and_then(|v| measure_number(r, v, &child(path, "measure")));
    let name = r.required_text(map, path, "name");
    let records = read_list_at(r, map, path, "records", |r, v, p| {
        let record = r.object(v, p)?;
        r.known_fields(record, p, &["id", "text", "have_if"]);
        let id = r.required_id(record, p, "id");
        let text = r.required_text(record, p, "text");
        let have_if = r
            .required(record, p, "have_if")
            .and_then(|c| read_condition(r, c, &child(p, "have_if"), ids, questions, false, false));
        Some(EvidenceRecord {
            id: id?,
            text: text?,
            have_if: have_if?,
        })
    });
    Some(EvidenceMeasure {
        measure: measure?,
        name: name?,
        records: records?,
    })
}

/// An item number of SPC 2020 provisions Art. 6 (1–7).
fn measure_number(r: &mut Reader, value: &Value, path: &str) -> Option<u8> {
    match value.as_u64() {
        Some(n @ 1..=7) => Some(n as u8),
        _ => {
            r.report(path, ProblemKind::OutOfRange { min: 1.0, max: 7.0 });
            None
        }
    }
}
