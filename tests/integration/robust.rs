//! Inputs no one should send but someone will: empty and binary files, invalid UTF-8, garbage
//! Unicode, a 50 MB document, a 1 MB line, thousands of "Số:" lines, a page that is nothing but
//! web boilerplate, and prose with no field at all. Each returns a record (or, from bytes, a
//! named error) that obeys the record's rules: never an empty string, text in NFC with
//! whitespace collapsed, and JSON that reads back to the same record.

use std::fs;
use std::path::Path;
use std::time::Instant;

use proptest::prelude::*;
use serde_json::Value;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use vanban::{Error, Options, Record};

/// The bundled party công văn (Ban Tuyên giáo Tỉnh ủy Bình Phước).
const SEED_DISPATCH: &str = "corpus/seeds/000_77c515b30785bc67.txt";

fn corpus_text(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks what the SPEC promises of every record, whatever the input: no empty strings, every
/// text value in NFC, whitespace collapsed (no line breaks, tabs or double spaces, no leading or
/// trailing space), and a JSON form that reads back to the same record. `source` is a path and
/// `warnings` quote the input, so only their non-emptiness is checked.
fn check_record(record: &Record, what: &str) {
    if let Err(problem) = record_problem(record) {
        panic!("{what}: {problem}");
    }
}

/// What [`check_record`] checks, as a value: proptest shrinks on it without a panic per step.
fn record_problem(record: &Record) -> Result<(), String> {
    let json = serde_json::to_string(record).map_err(|e| format!("to JSON: {e}"))?;
    let back: Record =
        serde_json::from_str(&json).map_err(|e| format!("from JSON: {e}\n{json}"))?;
    if &back != record {
        return Err(format!("JSON round trip changed the record\n{json}"));
    }
    let Value::Object(fields) = serde_json::to_value(record).map_err(|e| e.to_string())? else {
        return Err(format!("a record is a JSON object: {json}"));
    };
    for (field, value) in &fields {
        let strict = field != "source" && field != "warnings";
        strings_problem(value, field, strict)?;
    }
    Ok(())
}

fn strings_problem(value: &Value, at: &str, strict: bool) -> Result<(), String> {
    match value {
        Value::String(s) => {
            if s.is_empty() {
                return Err(format!("empty string at {at}"));
            }
            if strict {
                if is_nfc_quick(s.chars()) != IsNormalized::Yes && !s.nfc().eq(s.chars()) {
                    return Err(format!("not NFC at {at}: {s:?}"));
                }
                if s.trim() != s || s.contains(['\n', '\r', '\t']) || s.contains("  ") {
                    return Err(format!("whitespace not collapsed at {at}: {s:?}"));
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings_problem(item, &format!("{at}[{i}]"), strict)?;
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                strings_problem(item, &format!("{at}.{key}"), strict)?;
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
    Ok(())
}

/// The record as JSON without `source` and `warnings`: what the document itself yielded.
fn fields_of(record: &Record) -> Value {
    let mut value = serde_json::to_value(record).expect("a record serialises");
    if let Value::Object(map) = &mut value {
        map.remove("source");
        map.remove("warnings");
    }
    value
}

/// Asserts that the record holds nothing but `kind: other` and empty fields.
fn assert_no_fields(record: &Record, what: &str) {
    assert_eq!(
        fields_of(record),
        fields_of(&Record::default()),
        "{what}: every field should be null or []"
    );
}

/// Times `f`, printing the figure (shown with `--nocapture`); tests never assert a time.
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("robust: {what}: {:.2?}", start.elapsed());
    out
}

#[test]
fn empty_text_gives_an_empty_record() {
    for text in ["", " ", "\n\n\n", "\u{feff}", " \t\r\n \u{a0}\u{3000}"] {
        let record = vanban::extract(text);
        check_record(&record, &format!("{text:?}"));
        assert_no_fields(&record, &format!("{text:?}"));
        assert_eq!(record.source, None, "{text:?}");
    }
}

#[test]
fn empty_bytes_give_an_empty_record_and_binary_bytes_are_not_text() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa";
    let mut elf =
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00".to_vec();
    elf.extend_from_slice(b"\x01\x00\x00\x00\x40\x10\x00\x00\x00\x00\x00\x00/lib64/ld-linux");
    elf.extend(std::iter::repeat_n(0u8, 4096));
    let opts = Options::default();
    // No bytes decode to no text (`vanban::decode` documents it); the CLI reports an empty
    // file itself.
    let empty = vanban::extract_bytes(b"", &opts).unwrap_or_else(|e| panic!("empty bytes: {e}"));
    assert_no_fields(&empty, "empty bytes");
    for (what, bytes) in [
        ("png", &png[..]),
        ("elf", &elf[..]),
        ("nul", &[0u8; 64][..]),
    ] {
        match vanban::extract_bytes(bytes, &opts) {
            Err(Error::NotText(cause)) => assert!(!cause.is_empty(), "{what}: a cause"),
            Err(other) => panic!("{what}: expected not a text document, got {other}"),
            Ok(record) => panic!("{what}: expected not a text document, got {record:?}"),
        }
    }
}

/// A news portal's chrome with no report inside: menus, counters, a login notice, the reader
/// comment form, related headlines and a "Văn bản mới" list that quotes other documents.
const BOILERPLATE_PAGE: &str = "\
Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Thư viện ảnh | Liên hệ
Đăng nhập | Đăng ký | Quên mật khẩu?
Bạn đang ở: Trang chủ » Tin tức » Hoạt động tuyên giáo
Chia sẻ: Facebook | Zalo | In bài viết | Gửi email
Tổng số điểm của bài viết là: 4 trong 1 đánh giá
Xếp hạng: 4 - 1 phiếu bầu
Click để đánh giá bài viết

  Ý kiến bạn đọc

Họ và tên (*)
Email (*)
Nội dung bình luận
Mã bảo mật: Gửi bình luận
Bạn cần đăng nhập để gửi ý kiến.

Các tin liên quan
Đồng chí Nguyễn Văn Thành - Bí thư Huyện ủy làm việc với Ban Tuyên giáo (15/06/2023)
Hội nghị giao ban công tác tuyên giáo quý II năm 2023 (02/07/2023)
Ông Trần Minh Đức được bầu làm Chủ tịch UBND huyện (28/05/2023)

Văn bản mới
1383-CV/BTGTU
V/v tiếp tục đẩy mạnh công tác tuyên truyền
lượt xem: 105 | lượt tải: 111
Số: 245/QĐ-UBND
Quyết định số 245/QĐ-UBND ngày 12/4/2023 của UBND tỉnh về việc phê duyệt kế hoạch
lượt xem: 217 | lượt tải: 117
Xem tất cả

Thống kê truy cập
  • Đang truy cập 72
  • Hôm nay 11,880
  • Tổng lượt truy cập 9,339,509
Liên kết website: Cổng thông tin điện tử tỉnh | Báo điện tử | Đài Phát thanh - Truyền hình
Bản quyền thuộc về Cổng thông tin điện tử. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây
";

#[test]
fn a_page_of_boilerplate_gives_no_fields() {
    let record = vanban::extract(BOILERPLATE_PAGE);
    check_record(&record, "boilerplate");
    let what = format!("boilerplate page gave {record:#?}");
    assert_eq!(record.number, None, "{what}");
    assert_eq!(record.number_parts, None, "{what}");
    assert_eq!(record.doc_type, None, "{what}");
    assert_eq!(record.issuer, None, "{what}");
    assert_eq!(record.subject, None, "{what}");
    assert_eq!(record.signer, None, "{what}");
    assert_eq!(record.author, None, "{what}");
    assert!(record.recipients.is_empty(), "{what}");
    assert!(record.distribution.is_empty(), "{what}");
    assert!(record.people.is_empty(), "{what}");
    assert!(record.references.is_empty(), "{what}");
    assert!(record.action_items.is_empty(), "{what}");
    // A headline of a related report is not this page's headline.
    if let Some(title) = &record.title {
        assert!(
            !BOILERPLATE_PAGE.contains(title.as_str()),
            "title taken from boilerplate: {title:?}"
        );
    }
}

/// Prose with no number, date, place, issuer, person, citation or request in it.
const PLAIN_PROSE: &str = "\
Mùa mưa năm nay đến sớm hơn mọi năm. Trên những cánh đồng ven sông, lúa đã trổ bông đều và \
nước trong kênh dâng cao, đủ cho cả vụ. Người trồng điều trên các triền đồi cũng phấn khởi \
vì cây ra hoa sớm, ít sâu bệnh.

Ở các chợ quê, giá rau xanh giảm nhẹ; hàng hóa phong phú, người mua kẻ bán tấp nập từ sáng \
sớm đến trưa. Nhiều gia đình tranh thủ những ngày nắng ráo để phơi nông sản, sửa sang nhà \
cửa và chuẩn bị cây giống cho vụ sau.

Trường học đã sửa xong mái, sơn lại tường và trồng thêm cây xanh quanh sân. Thư viện nhỏ \
của thôn có thêm những kệ sách mới, mở cửa vào các buổi chiều cuối tuần.
";

#[test]
fn prose_with_no_fields_gives_an_empty_record() {
    let record = vanban::extract(PLAIN_PROSE);
    check_record(&record, "prose");
    assert_no_fields(&record, "plain prose");
}

/// Combining marks with no base, piled-up marks, bidirectional controls, emoji sequences,
/// zero-width and private-use characters, NUL and other controls, mixed into document words.
/// A headline and its byline, as a news page starts.
const NEWS_HEADLINE: &str = "Ban Tuyên giáo Tỉnh ủy kiểm tra công tác tuyên giáo 6 tháng tại huyện Bù Đốp\n\nThứ tư - 14/06/2023 23:03\nSáng ngày 14 - 6, đồng chí Mạc Đình Huấn - Phó Trưởng Ban Tuyên giáo Tỉnh ủy làm việc tại huyện.\n";

fn garbage_unicode() -> Vec<(&'static str, String)> {
    let marks: String = ('\u{300}'..='\u{36f}').cycle().take(5_000).collect();
    let rtl = "\u{202e}Số: 12/QĐ-UBND\u{202c} \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{627}\u{644}\u{633}\u{644}\u{627}\u{645} \u{200f}\u{2067}Kính gửi:\u{2069}";
    let emoji = "👨‍👩‍👧‍👦🇻🇳🏳️‍🌈 Đồng chí 🙂\u{fe0f}\u{20e3} Nguyễn 🇻\u{200d}";
    let controls: String = (0u8..32)
        .map(char::from)
        .chain([
            '\u{7f}',
            '\u{85}',
            '\u{2028}',
            '\u{2029}',
            '\u{feff}',
            '\u{fffd}',
            '\u{e000}',
            '\u{10ffff}',
        ])
        .collect();
    vec![
        ("lone marks", marks.clone()),
        ("marks on a letter", format!("Số{marks}: 1{marks}/QĐ-UBND\nngày{marks} 1 tháng 2 năm 2023")),
        ("right-to-left", rtl.repeat(200)),
        ("emoji", emoji.repeat(300)),
        ("controls", format!("{controls}\nSố:{controls}\nNơi nhận:{controls}\n- {controls}").repeat(50)),
        ("decomposed Vietnamese", "TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\nSố 04-QC/BTGTU\nBình Phước, ngày 20 tháng 3 năm 2023".nfd().collect()),
        ("zero-width everywhere", "Số 04-QC/BTGTU".chars().flat_map(|c| [c, '\u{200b}', '\u{200d}']).collect()),
        // Web copies put invisible characters between a letter and its tone mark.
        ("zero-width inside letters", NEWS_HEADLINE.nfd().flat_map(|c| [c, '\u{200b}']).collect()),
    ]
}

#[test]
fn garbage_unicode_gives_a_well_formed_record() {
    for (what, text) in garbage_unicode() {
        let record = timed(what, || vanban::extract(&text));
        check_record(&record, what);
    }
}

#[test]
fn invisible_characters_between_a_letter_and_its_mark_leave_nfc_text() {
    let opts = Options::default();
    for text in [
        "Nghe\u{200b}\u{302}\u{323} An",               // zero-width space
        "Quye\u{ad}\u{302}\u{301}t \u{111}i\u{323}nh", // soft hyphen
        "\u{300}\u{200e}\u{316}Nghị quyết",            // marks reordered across a bidi mark
    ] {
        let out = vanban::normalize_str(text, &opts);
        assert!(
            out.nfc().eq(out.chars()),
            "{text:?} normalised to {out:?}, which is not NFC"
        );
        assert!(!out.contains(['\u{200b}', '\u{ad}', '\u{200e}']), "{out:?}");
    }
}

#[test]
fn decomposed_text_reads_like_composed_text() {
    let seed = corpus_text(SEED_DISPATCH);
    let nfd: String = seed.nfd().collect();
    assert_ne!(nfd, seed, "the seed has precomposed letters");
    assert_eq!(
        fields_of(&vanban::extract(&nfd)),
        fields_of(&vanban::extract(&seed))
    );
}

/// Splices bytes that are never UTF-8 into the body of a UTF-8 document: a lone surrogate
/// (CESU-8), an overlong NUL, a truncated sequence and a stray continuation byte.
fn with_invalid_utf8(text: &str) -> Vec<u8> {
    let at = text
        .find("Thực hiện")
        .expect("the seed's body starts with Thực hiện");
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(b"\xed\xa0\x80 \xc0\x80 \xe1\xbb \x80 ");
    bytes.extend_from_slice(&text.as_bytes()[at..]);
    bytes
}

#[test]
fn invalid_utf8_in_a_document_keeps_its_fields() {
    let seed = corpus_text(SEED_DISPATCH);
    let clean = vanban::extract(&seed);
    let bytes = with_invalid_utf8(&seed);
    assert!(std::str::from_utf8(&bytes).is_err());
    let record = vanban::extract_bytes(&bytes, &Options::default())
        .unwrap_or_else(|e| panic!("a UTF-8 document with four bad sequences: {e}"));
    check_record(&record, "invalid UTF-8");
    assert_eq!(record.number, clean.number);
    assert_eq!(record.date, clean.date);
    assert_eq!(record.issuer, clean.issuer);
    assert_eq!(record.signer, clean.signer);
}

/// Lines of the seed's body that name no person and ask nothing, but cite one document
/// ("Nghị quyết số 05 của Tỉnh ủy"), to repeat inside it.
fn filler(seed: &str) -> String {
    let wanted = ["Đánh giá đúng thực trạng", "- Đánh giá về chất lượng"];
    let lines: Vec<&str> = seed
        .lines()
        .filter(|l| wanted.iter().any(|w| l.starts_with(w)))
        .collect();
    assert_eq!(lines.len(), 2, "filler lines in the seed");
    format!("{}\n\n", lines.join("\n\n"))
}

/// The seed with its body grown to `size` bytes by repeating two of its own paragraphs after
/// section 4: one document, with one header and one signature.
fn huge_document(seed: &str, size: usize) -> String {
    let at = seed.find("5. Chương trình").expect("section 5 of the seed");
    let filler = filler(seed);
    let mut text = String::with_capacity(size + seed.len());
    text.push_str(&seed[..at]);
    while text.len() < size {
        text.push_str(&filler);
    }
    text.push_str(&seed[at..]);
    text
}

#[test]
fn a_huge_document_keeps_its_header_and_signature() {
    // 50 MB under `--release`; debug builds run unoptimised regexes and normalisation, so they
    // get 5 MB, which exercises the same paths.
    let size = if cfg!(debug_assertions) {
        5_000_000
    } else {
        50_000_000
    };
    let seed = corpus_text(SEED_DISPATCH);
    let clean = vanban::extract(&seed);
    let text = huge_document(&seed, size);
    let record = timed(&format!("{} MB document", text.len() / 1_000_000), || {
        vanban::extract(&text)
    });
    check_record(&record, "huge document");
    assert_eq!(record.number, clean.number);
    assert_eq!(record.date, clean.date);
    assert_eq!(record.place, clean.place);
    assert_eq!(record.issuer, clean.issuer);
    assert_eq!(record.recipients, clean.recipients);
    assert_eq!(record.distribution, clean.distribution);
    assert_eq!(record.signer, clean.signer);
    // Each person and each cited document once, however often the text repeats them.
    assert_eq!(record.people, clean.people);
    assert_eq!(record.references, clean.references);
}

#[test]
fn a_one_megabyte_line_is_read_like_any_line() {
    let seed = corpus_text(SEED_DISPATCH);
    let clean = vanban::extract(&seed);
    let filler = filler(&seed).replace('\n', " ");
    let long_line: String = filler.repeat(1_000_000 / filler.len() + 1);
    assert!(long_line.len() > 1_000_000);

    // Alone: prose with one citation, and nothing else.
    let alone = timed("1 MB line alone", || vanban::extract(&long_line));
    check_record(&alone, "1 MB line");
    assert_eq!(alone.number, None);
    assert_eq!(alone.issuer, None);
    assert_eq!(alone.signer, None);

    // Inside the seed, after section 4: the header and signature still count.
    let at = seed.find("5. Chương trình").expect("section 5 of the seed");
    let text = format!("{}{long_line}\n\n{}", &seed[..at], &seed[at..]);
    let record = timed("seed with a 1 MB line", || vanban::extract(&text));
    check_record(&record, "seed with a 1 MB line");
    assert_eq!(record.number, clean.number);
    assert_eq!(record.date, clean.date);
    assert_eq!(record.issuer, clean.issuer);
    assert_eq!(record.signer, clean.signer);
    assert_eq!(record.references, clean.references);
}

#[test]
fn thousands_of_number_lines_stay_one_number() {
    let n = if cfg!(debug_assertions) {
        5_000
    } else {
        50_000
    };
    let header = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n";

    // Bare markers: nothing to take.
    let bare = format!("{header}{}", "Số:\n".repeat(n));
    let record = timed(&format!("{n} bare Số: lines"), || vanban::extract(&bare));
    check_record(&record, "bare Số: lines");
    assert_eq!(record.number, None, "no number after any Số:");
    assert!(record.references.is_empty(), "{:?}", record.references);

    // Markers on one line.
    let one_line = format!("{header}{}", "Số: ".repeat(n));
    let record = timed(&format!("{n} Số: on one line"), || {
        vanban::extract(&one_line)
    });
    check_record(&record, "Số: on one line");
    assert_eq!(record.number, None);

    // The same number again and again: it is the document's number, and never a reference.
    let repeated = format!(
        "{header}{}Quy Nhơn, ngày 12 tháng 4 năm 2023\n",
        "Số: 245/QĐ-UBND\n".repeat(n)
    );
    let record = timed(&format!("{n} equal number lines"), || {
        vanban::extract(&repeated)
    });
    check_record(&record, "equal number lines");
    assert_eq!(record.number.as_deref(), Some("245/QĐ-UBND"));
    assert!(
        record
            .references
            .iter()
            .all(|r| r.number.as_deref() != Some("245/QĐ-UBND")),
        "the document's own number is not a reference: {:?}",
        record.references
    );
}

/// Fragments of official documents, to steer random text into the extractor's paths.
const FRAGMENTS: &[&str] = &[
    "Số:",
    "Số ",
    "/QĐ-UBND",
    "-CV/BTGTU",
    "/2020/NĐ-CP",
    "ngày ",
    " tháng ",
    " năm ",
    "Kính gửi:",
    "Nơi nhận:",
    "V/v ",
    "Về việc ",
    "T/M BAN THƯỜNG VỤ",
    "KT. CHỦ TỊCH",
    "đồng chí ",
    "Ông ",
    "đề nghị ",
    "trước ngày ",
    "Một là, ",
    "của ",
    "Nghị quyết số ",
    "TỈNH ỦY BÌNH PHƯỚC",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Hà Nội, ",
    "Tác giả: ",
    "Theo ",
    "(TTXVN)",
    "Ý kiến bạn đọc",
    "Nguyễn Văn An",
    "\n",
    "\n\n",
    "- ",
    "| ",
    "**",
    " ",
    "0",
    "12",
    "2023",
    "31/02/2023",
    "99999",
];

fn document_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => "[0-9/.-]{1,8}",
        2 => "\\PC{0,12}",
        1 => any::<char>().prop_map(String::from),
        1 => "[\u{300}-\u{36f}\u{200b}-\u{200f}\u{202a}-\u{202e}]{1,4}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if cfg!(debug_assertions) { 256 } else { 1024 }))]

    #[test]
    fn extract_never_panics_on_any_string(text in any::<String>()) {
        let problem = record_problem(&vanban::extract(&text));
        prop_assert!(problem.is_ok(), "{:?}", problem);
    }

    #[test]
    fn document_like_text_gives_well_formed_records(text in document_like()) {
        let problem = record_problem(&vanban::extract(&text));
        prop_assert!(problem.is_ok(), "{:?}", problem);
    }

    #[test]
    fn extract_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(record) = vanban::extract_bytes(&bytes, &Options::default()) {
            let problem = record_problem(&record);
            prop_assert!(problem.is_ok(), "{:?}", problem);
        }
    }
}

/// The binary on a folder with binary files among documents: each bad file is named once on
/// standard error, the others still give records.
#[cfg(feature = "cli")]
#[test]
fn cli_names_each_binary_file_and_extracts_the_rest() {
    use std::process::Command;

    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let seed = corpus_text(SEED_DISPATCH);
    let write = |name: &str, bytes: &[u8]| fs::write(root.join(name), bytes).expect("write");
    write("a_seed.txt", seed.as_bytes());
    write(
        "b_image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    );
    write(
        "c_program",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00",
    );
    write("d_boilerplate.txt", BOILERPLATE_PAGE.as_bytes());
    write("e_prose.txt", PLAIN_PROSE.as_bytes());

    let output = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(root)
        .args(["extract", "."])
        .output()
        .expect("run vanban");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let records: Vec<Record> = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("a JSON array of records: {e}\n{stderr}"));
    let sources: Vec<&str> = records.iter().filter_map(|r| r.source.as_deref()).collect();
    assert_eq!(
        sources.len(),
        3,
        "three text files give records: {sources:?}\n{stderr}"
    );
    for (name, record) in ["a_seed.txt", "d_boilerplate.txt", "e_prose.txt"]
        .iter()
        .zip(&records)
    {
        assert!(
            record.source.as_deref().is_some_and(|s| s.ends_with(name)),
            "{name}: {sources:?}"
        );
        check_record(record, name);
    }
    assert_eq!(records[0].number, vanban::extract(&seed).number);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "one line per binary file: {stderr}");
    for bad in ["b_image.png", "c_program"] {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(bad) && l.contains("not a text document")),
            "{bad} named with its cause: {stderr}"
        );
    }
}
