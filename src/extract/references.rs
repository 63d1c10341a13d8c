//! Cited documents: "Quy chế số 04-QC/BTGTU ngày 20/3/2023 của Ban Tuyên giáo Tỉnh ủy".

use crate::record::Reference;

/// Every other document the body cites, each once, in order of first citation. `own_number`
/// (the document's own number) is never a reference.
pub(crate) fn references(body: &str, own_number: Option<&str>) -> Vec<Reference> {
    let _ = (body, own_number);
    Vec::new()
}
