//! Trích yếu: the "V/v …" / "Về việc …" line of a công văn, or the line(s) under the type title,
//! wrapped lines joined, the marker and trailing punctuation removed.

use crate::dict::{self, DocType};
use crate::segment::{self, Segments};

/// The subject of the document, if it has one.
pub(crate) fn subject(seg: &Segments<'_>) -> Option<String> {
    if let Some(form) = segment::title_form(seg) {
        return form.subject.as_deref().and_then(clean_subject);
    }
    if seg.title.is_none() && seg.subject.is_empty() {
        if let Some((_, about)) = title_sentence(seg) {
            return clean_subject(&about);
        }
    }
    let mut text = String::new();
    if let Some(t) = seg.title {
        if seg.subject.start == t + 1 || seg.subject.is_empty() {
            if let Some((_, Some(rest))) = segment::title_line(seg.line(t)) {
                // "NGHỊ ĐỊNHQuy định …" (dev/d043); "QUYẾT ĐỊNH của …" is not a subject.
                if !rest.to_lowercase().starts_with("của ") {
                    text.push_str(rest);
                }
            }
        }
    }
    for i in seg.subject.clone() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(seg.line(i));
    }
    clean_subject(&text)
}

/// A document that opens with its type and subject in one sentence-case line, with no header
/// or title block: "Báo cáo về tình hình sản xuất kinh doanh ngành công\nnghiệp tháng 02 …"
/// (dev/d101). The type and the subject after "về" (its wrapped lines joined).
pub(crate) fn title_sentence(seg: &Segments<'_>) -> Option<(&'static DocType, String)> {
    if !seg.header.is_empty() || seg.title.is_some() || seg.lines.is_empty() {
        return None;
    }
    let first = seg.line(0);
    if first.len() > 200 || first.ends_with(['.', ':', ';', '?', '!']) {
        return None;
    }
    let (doc_type, r) = dict::find_doc_types(first).into_iter().next()?;
    let written = &first[r.clone()];
    if r.start != 0 || !written.chars().any(char::is_lowercase) {
        return None;
    }
    let about = first[r.end..].strip_prefix(" về ")?;
    if !about.starts_with(char::is_lowercase) {
        return None;
    }
    let mut text = about.to_string();
    // Wrapped lines go on in lower case ("nghiệp tháng 02 và 2 tháng đầu năm 2007").
    for i in 1..seg.lines.len().min(3) {
        let line = seg.line(i);
        if !line.starts_with(char::is_lowercase) || text.len() + line.len() > 300 {
            break;
        }
        text.push(' ');
        text.push_str(line);
    }
    Some((doc_type, text))
}

/// Removes the "V/v" / "Về việc" marker, list debris and trailing punctuation.
pub(crate) fn clean_subject(text: &str) -> Option<String> {
    let mut s = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim();
    if let Some(m) = segment::SUBJECT_MARKER.find(s) {
        s = &s[m.end()..];
    } else {
        // "VỀ" / "VIỆC …" wrapped apart (dev/d002) is joined into "VỀ VIỆC …" above.
        let lower = s.to_lowercase();
        if lower.starts_with("về việc ") {
            s = &s["về việc ".len()..];
        }
    }
    let s = s
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '*', '/', ' ']);
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn a_type_and_subject_in_the_first_line() {
        let seg = segment("Báo cáo về tình hình sản xuất kinh doanh ngành công\nnghiệp tháng 02 năm 2007\n1. Tình hình chung:\nTháng 02 năm 2007 giá trị sản xuất tăng.\n");
        assert_eq!(
            subject(&seg).as_deref(),
            Some("tình hình sản xuất kinh doanh ngành công nghiệp tháng 02 năm 2007")
        );
        assert_eq!(title_sentence(&seg).map(|(d, _)| d.name), Some("Báo cáo"));
        // A sentence, or a type word in capitals, is no title.
        for text in [
            "Báo cáo về tình hình sản xuất đã được gửi.\nNội dung.\n",
            "BÁO CÁO VỀ TÌNH HÌNH\nNội dung.\n",
            "Tình hình về báo cáo\nNội dung.\n",
        ] {
            assert_eq!(
                title_sentence(&segment(text)).map(|(d, _)| d.name),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn subject_lines() {
        for (text, want) in [
            // seeds/000: the "Về việc" line wrapped over two lines.
            (
                "TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBình Phước, ngày tháng 9 năm 2021\n\n*\n\nSố -CV/BTGTU\n\nVề việc tổ chức hội nghị trực tuyến\ngiao ban công tác tuyên giáo quý III/2021\n\n- Kính gửi:*\n- Sở Y tế,\n",
                Some("tổ chức hội nghị trực tuyến giao ban công tác tuyên giáo quý III/2021"),
            ),
            // dev/d021: an italic V/v cell between `|` rows.
            (
                "|\nBỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố:\n5680/CT-CS\n*V/v thuế TNCN từ tiền lương, tiền công.*\n|\n*Hà Nội, ngày 01 tháng 12 năm 2025*\n|\n\n**Kính gửi:** Ban Tuyên giáo và Dân vận Trung ương\n",
                Some("thuế TNCN từ tiền lương, tiền công"),
            ),
            // dev/d002: title, "VỀ" / "VIỆC …" wrapped, then the bold promulgator line.
            (
                "**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 2536/QĐ-TTg\n|\n*Hà Nội, ngày 20\ntháng 11 năm 2025*\n|\n**QUYẾT ĐỊNH**\nVỀ\nVIỆC CHUYỂN TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI THÀNH ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI\n**THỦ TƯỚNG CHÍNH PHỦ**\n*Căn cứ Luật Tổ chức\nChính phủ ngày 18 tháng 02 năm 2025;*\n",
                Some("CHUYỂN TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI THÀNH ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI"),
            ),
            ("", None),
        ] {
            assert_eq!(subject(&segment(text)).as_deref(), want, "{text}");
        }
    }
}
