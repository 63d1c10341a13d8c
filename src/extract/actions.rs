//! Action items: "Một là …", numbered tasks, "đề nghị/yêu cầu/giao X …", deadlines.

use crate::record::ActionItem;

/// Every task the body assigns or asks for, in order.
pub(crate) fn action_items(body: &str) -> Vec<ActionItem> {
    let _ = body;
    Vec::new()
}
