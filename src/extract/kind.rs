//! Kind: dispatch (an issued document: number, issuer header or signature block), news (a
//! report about events: headline, byline, publication time) or other.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::news;
use crate::record::Kind;
use crate::segment::Segments;

/// A news lede: "Sáng 17/5, …", "Chiều 5/6, …", "Ngày 20/3/2025, …", "Tối 28.4, …",
/// "(BĐ) - …".
static NEWS_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:sáng|chiều|tối|trưa|đêm|ngày|hôm nay|sáng nay|chiều nay|tối nay|sáng ngày|chiều ngày|tối ngày)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}|\([\p{L}\d./ -]{2,40}\)\s*[-–—])")
        .expect("news opener regex")
});

/// What kind of document `seg` is.
pub(crate) fn kind(seg: &Segments<'_>) -> Kind {
    let header = !seg.header.is_empty();
    let signed = !seg.signature.is_empty();
    let listed = !seg.recipients.is_empty() || !seg.distribution.is_empty();
    if seg.number_line.is_some()
        || !seg.issuer_lines.is_empty()
        || (seg.title.is_some() && (seg.place_date.is_some() || signed))
        || (signed && listed)
        || (header && signed)
        || crate::segment::title_form(seg).is_some()
    {
        return Kind::Dispatch;
    }
    let headline = seg.headline.map(|i| seg.line(i));
    if headline.is_some_and(|h| h.trim_end_matches(['*', ' ']).ends_with('?')) {
        // Question pages of legal portals.
        return Kind::Other;
    }
    let opener = seg
        .body
        .clone()
        .take(3)
        .any(|i| NEWS_OPENER.is_match(seg.line(i)));
    if seg.time_line.is_some()
        || !seg.byline.is_empty()
        || seg.front_matter.title.is_some()
        || !seg.metadata.is_empty()
        || seg.images > 0
        || opener
        || news_lede(seg)
        || news::repost_tail(seg).any(|i| news::is_repost_line(seg.line(i)))
    {
        return Kind::News;
    }
    if crate::extract::subject::title_sentence(seg).is_some() {
        // "Báo cáo về tình hình …" opening a text that has no header (dev/d101).
        return Kind::Dispatch;
    }
    Kind::Other
}

/// A report that opens on what an office "vừa" (just) did: "Chủ tịch Quốc hội Trần Thanh Mẫn
/// vừa ký ban hành Nghị quyết số 196/2025/QH15 …" (dev/d068), above the text it reports.
fn news_lede(seg: &Segments<'_>) -> bool {
    let first = seg.line(0);
    if first.len() < 60 || !first.ends_with('.') {
        return false;
    }
    let head = &first[..floor_char(first, first.len().min(200))];
    NEWS_DONE.iter().any(|p| head.contains(p))
}

/// What a lede reports as just done.
const NEWS_DONE: &[&str] = &[
    " vừa ký ban hành ",
    " vừa ban hành ",
    " vừa ký ",
    " vừa công bố ",
    " vừa thông qua ",
];

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn kinds() {
        for (text, want) in [
            // seeds/000 header
            ("TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBình Phước, ngày tháng 9 năm 2021\n\n*\n\nSố -CV/BTGTU\n\nVề việc tổ chức hội nghị\n", Kind::Dispatch),
            // seeds/002 frame
            ("Bạn đang xem: Trang chủ » Thời sự\n\nHọp Tiểu ban Tuyên truyền, khánh tiết Đại hội Đảng bộ tỉnh\n\nThứ sáu 05/06/2020 19:00\n\nChiều 5/6, Tiểu ban họp đánh giá tình hình.\n\nK.X\n", Kind::News),
            // dev/d088: a question page.
            ("# Toàn văn Kế hoạch 163-KH/BTGDVTW điều tra dư luận xã hội ra sao?\n\nNgày 19/11/2025, Ban Tuyên giáo và Dân vận Trung ương đã ban hành Kế hoạch.\n", Kind::Other),
            ("", Kind::Other),
            // dev/d068: a news lede above the full text of a resolution.
            ("Chủ tịch Quốc hội vừa ký ban hành Nghị quyết số 196/2025/QH15 của Quốc hội về điều chỉnh dự toán.\n\nNGHỊ QUYẾT\n\nVề điều chỉnh dự toán\n\nQUỐC HỘI\n\nCăn cứ Hiến pháp;\n", Kind::News),
            // dev/d098: a repost with its credit and time at the end.
            ("THÔNG CÁO ĐẶC BIỆT\n\nBan Lễ tang trân trọng thông báo lễ viếng.\n\nBAN LỄ TANG\n\nTheo Cổng Thông tin điện tử Chính phủ\n\nNgày giờ đăng bài viết gốc: 20:00 22/05/2025\n", Kind::News),
            // dev/d101: a report's type and subject in its first line, no header.
            ("Báo cáo về tình hình sản xuất công nghiệp tháng 02\n1. Tình hình chung:\nGiá trị sản xuất tăng 11,9%.\n", Kind::Dispatch),
            ("Một đoạn văn không có gì đặc biệt cả.", Kind::Other),
        ] {
            assert_eq!(kind(&segment(text)), want, "{text}");
        }
    }
}
