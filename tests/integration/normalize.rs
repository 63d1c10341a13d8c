//! The normalisation stage through the public API: legacy decoders against their byte tables
//! and the corpus transcripts, tone placement over every vowel cluster, the corpus as input,
//! properties, bad input.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vanban::{
    decode, fold, fold_reader, normalize, normalize_reader, normalize_str, Encoding, Error,
    Options, Tone,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn corpus(sub: &str) -> PathBuf {
    root().join("../shared/corpus").join(sub)
}

fn opts(tone: Tone) -> Options {
    Options::default().tone(tone)
}

/// The 134 precomposed Vietnamese letters (research §5.4), generated from bases × marks.
fn letters() -> Vec<char> {
    let mut out = Vec::new();
    for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
        for tone in ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"] {
            let s: String = format!("{base}{tone}").nfc().collect();
            let mut cs = s.chars();
            let c = cs.next().unwrap_or_default();
            assert!(cs.next().is_none(), "{s} is not one letter");
            out.push(c);
        }
    }
    // Plain a e i o u y are ASCII, not among the 134.
    out.retain(|c| !c.is_ascii());
    out.push('đ');
    let upper: Vec<char> = out.iter().flat_map(|c| c.to_uppercase()).collect();
    out.extend(upper);
    assert_eq!(out.len(), 134);
    out
}

/// Reads one of our byte tables: char → bytes (the first sequence listed for it).
fn table(name: &str) -> HashMap<char, Vec<u8>> {
    let text = std::fs::read_to_string(root().join("dictionaries/encodings").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut map = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut cols = line.split('\t');
        let bytes: Vec<u8> = cols
            .next()
            .unwrap_or_default()
            .split(' ')
            .map(|h| u8::from_str_radix(h, 16).unwrap_or_else(|e| panic!("{name}: {line}: {e}")))
            .collect();
        let c = cols
            .next()
            .and_then(|s| s.chars().next())
            .unwrap_or_else(|| panic!("{name}: {line}"));
        if cols.next() == Some("VN1") {
            continue;
        }
        map.entry(c).or_insert(bytes);
    }
    map
}

fn encode_with(map: &HashMap<char, Vec<u8>>, text: &str, identity_latin1: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        if let Some(b) = map.get(&c) {
            out.extend(b);
        } else if c.is_ascii() || (identity_latin1 && (c as u32) < 0x100) {
            out.push(c as u32 as u8);
        } else {
            panic!("{c} has no code");
        }
    }
    out
}

#[test]
fn all_134_letters_round_trip_through_tcvn3() {
    let map = table("tcvn3.tsv");
    // Upper-case toned letters share the lower-case code: the word's other capitals ("T…N")
    // tell the decoder which case it is.
    let words: Vec<String> = letters()
        .iter()
        .map(|&c| {
            if c.is_uppercase() {
                format!("T{c}N")
            } else {
                format!("t{c}n")
            }
        })
        .collect();
    let text = words.join(" ");
    let coded: String = text
        .chars()
        .map(|c| {
            if c.is_ascii() || map.contains_key(&c) {
                c
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect();
    let bytes = encode_with(&map, &coded, false);
    let d = decode(&bytes, Encoding::Tcvn3).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.text, text);
}

#[test]
fn all_134_letters_round_trip_through_vni_and_viscii() {
    for (name, encoding, latin1) in [
        ("vni.tsv", Encoding::Vni, false),
        ("viscii.tsv", Encoding::Viscii, true),
    ] {
        let map = table(name);
        let all: String = letters().iter().map(|c| format!("{c} ")).collect();
        let bytes = encode_with(&map, &all, latin1);
        let text = vanban::decode(&bytes, encoding).map(|d| d.text);
        match text {
            Ok(t) => assert_eq!(t, all, "{name}"),
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn all_134_letters_round_trip_through_cp1258_and_viqr() {
    let tone_byte = [
        ('\u{300}', 0xCC),
        ('\u{301}', 0xEC),
        ('\u{309}', 0xD2),
        ('\u{303}', 0xDE),
        ('\u{323}', 0xF2),
    ];
    let tone_viqr = [
        ('\u{300}', '`'),
        ('\u{301}', '\''),
        ('\u{309}', '?'),
        ('\u{303}', '~'),
        ('\u{323}', '.'),
    ];
    for c in letters() {
        let nfd: Vec<char> = c.to_string().nfd().collect();
        let tone = nfd
            .iter()
            .copied()
            .find(|m| tone_byte.iter().any(|(t, _)| t == m));
        let base: String = nfd
            .iter()
            .copied()
            .filter(|m| Some(*m) != tone)
            .collect::<String>()
            .nfc()
            .collect();
        // Windows-1258: the base letter (ă â ê ô ơ ư đ are single bytes) + a tone-mark byte.
        let (mut bytes, _, bad) = encoding_rs::WINDOWS_1258.encode(&base);
        assert!(!bad, "{base}");
        let mut bytes = bytes.to_mut().clone();
        if let Some(t) = tone {
            bytes.push(
                tone_byte
                    .iter()
                    .find(|(m, _)| *m == t)
                    .map(|p| p.1)
                    .unwrap_or_default(),
            );
        }
        let d = decode(&bytes, Encoding::Cp1258)
            .map(|d| d.text)
            .unwrap_or_else(|e| panic!("{c}: {e}"));
        assert_eq!(d, c.to_string(), "cp1258 {c}");
        // VIQR: base + ( ^ + + tone mnemonic, inside a syllable ("ăn", "đa").
        let mut viqr = String::new();
        for m in &nfd {
            match m {
                '\u{306}' => viqr.push('('),
                '\u{302}' => viqr.push('^'),
                '\u{31B}' => viqr.push('+'),
                m if tone == Some(*m) => {}
                m => viqr.push(*m),
            }
        }
        let viqr = match c {
            'đ' => "dda".to_string(),
            'Đ' => "DDa".to_string(),
            _ => {
                if let Some(t) = tone {
                    viqr.push(
                        tone_viqr
                            .iter()
                            .find(|(m, _)| *m == t)
                            .map(|p| p.1)
                            .unwrap_or_default(),
                    );
                }
                format!("{viqr}n")
            }
        };
        let want = match c {
            'đ' => "đa".to_string(),
            'Đ' => "Đa".to_string(),
            _ => format!("{c}n"),
        };
        let d = decode(viqr.as_bytes(), Encoding::Viqr)
            .map(|d| d.text)
            .unwrap_or_else(|e| panic!("{c}: {e}"));
        assert_eq!(d, want, "viqr {viqr}");
    }
}

/// Every cluster of research §5.3: (old style, new style). They differ only for open oa, oe, uy.
const CLUSTER_WORDS: &[(&str, &str)] = &[
    ("hái", "hái"),
    ("báo", "báo"),
    ("cháu", "cháu"),
    ("máy", "máy"),
    ("dấu", "dấu"),
    ("đấy", "đấy"),
    ("kéo", "kéo"),
    ("kếu", "kếu"),
    ("kìa", "kìa"),
    ("già", "già"),
    ("chịu", "chịu"),
    ("gói", "gói"),
    ("tối", "tối"),
    ("mới", "mới"),
    ("túi", "túi"),
    ("cửa", "cửa"),
    ("gửi", "gửi"),
    ("hưu", "hưu"),
    ("của", "của"),
    ("quá", "quá"),
    ("hòa", "hoà"),
    ("hoàn", "hoàn"),
    ("khoảng", "khoảng"),
    ("khỏe", "khoẻ"),
    ("khoét", "khoét"),
    ("thủy", "thuỷ"),
    ("huýt", "huýt"),
    ("khuỳnh", "khuỳnh"),
    ("quý", "quý"),
    ("hoặc", "hoặc"),
    ("xoắn", "xoắn"),
    ("tiến", "tiến"),
    ("yến", "yến"),
    ("xuất", "xuất"),
    ("huế", "huế"),
    ("thuế", "thuế"),
    ("muốn", "muốn"),
    ("cuộc", "cuộc"),
    ("huơ", "huơ"),
    ("thuở", "thuở"),
    ("được", "được"),
    ("nước", "nước"),
    ("tiếu", "tiếu"),
    ("yếu", "yếu"),
    ("ngoài", "ngoài"),
    ("xoáy", "xoáy"),
    ("ngoẻo", "ngoẻo"),
    ("khuấy", "khuấy"),
    ("muối", "muối"),
    ("khuỷa", "khuỷa"),
    ("khuyến", "khuyến"),
    ("chuyện", "chuyện"),
    ("khuỷu", "khuỷu"),
    ("người", "người"),
    ("rượu", "rượu"),
    ("Ủy", "Uỷ"),
    ("xoóng", "xoóng"),
];

/// `word` with its tone mark moved onto the letter at `at` (test helper, by NFD surgery).
fn with_mark_on(word: &str, at: usize) -> Option<String> {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let nfd: Vec<char> = word.nfd().collect();
    let tone = nfd.iter().copied().find(|c| tones.contains(c))?;
    let bare: String = nfd
        .iter()
        .copied()
        .filter(|c| !tones.contains(c))
        .collect::<String>()
        .nfc()
        .collect();
    let chars: Vec<char> = bare.chars().collect();
    if at >= chars.len() || !"aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".contains(chars[at]) {
        return None;
    }
    let mut s = String::new();
    for (i, c) in chars.iter().enumerate() {
        s.push(*c);
        if i == at {
            s.push(tone);
        }
    }
    Some(s.nfc().collect())
}

#[test]
fn every_vowel_cluster_in_both_styles_and_cases() {
    for &(old, new) in CLUSTER_WORDS {
        for (o, n) in [
            (old.to_string(), new.to_string()),
            (old.to_uppercase(), new.to_uppercase()),
        ] {
            assert_eq!(normalize_str(&o, &opts(Tone::Old)), o, "old stays old");
            assert_eq!(normalize_str(&n, &opts(Tone::New)), n, "new stays new");
            assert_eq!(normalize_str(&o, &opts(Tone::New)), n, "old → new");
            assert_eq!(normalize_str(&n, &opts(Tone::Old)), o, "new → old");
            // Wherever else the mark was put, the rule puts it back.
            for at in 0..o.chars().count() {
                if let Some(moved) = with_mark_on(&o, at) {
                    assert_eq!(normalize_str(&moved, &opts(Tone::Old)), o, "{moved} → {o}");
                    assert_eq!(normalize_str(&moved, &opts(Tone::New)), n, "{moved} → {n}");
                }
            }
        }
    }
}

#[test]
fn naive_rewrite_words_stay_right_in_both_styles() {
    let words = "quý hoàn suýt khuỷu thuở giữa quạ QUÝ HOÀN SUÝT KHUỶU THUỞ GIỮA QUẠ Quý Hoàn";
    for tone in [Tone::Old, Tone::New] {
        assert!(
            matches!(normalize_str(words, &opts(tone)), Cow::Borrowed(_)),
            "{tone:?}"
        );
    }
}

#[test]
fn nfd_in_nfc_out() {
    let nfd_doc =
        std::fs::read_to_string(corpus("dev/d078.txt")).unwrap_or_else(|e| panic!("d078: {e}"));
    assert!(
        nfd_doc.contains('\u{301}') || nfd_doc.contains('\u{300}'),
        "d078 is the NFD document"
    );
    let out = normalize_str(&nfd_doc, &opts(Tone::Old));
    assert!(unicode_normalization::is_nfc(&out));
    let reference: String = nfd_doc.nfc().collect();
    assert_eq!(
        fold(&out).split_whitespace().collect::<Vec<_>>(),
        fold(&reference).split_whitespace().collect::<Vec<_>>()
    );
    let nfd_word: String = "Nghị định".nfd().collect();
    assert_eq!(normalize_str(&nfd_word, &opts(Tone::Old)), "Nghị định");
}

#[test]
fn viqr_with_english_and_urls() {
    let text = "Ba^y gio+` la` mu`a thu. The U.S. embassy, what? See https://www.example.com/a.b?c=d and mail info@gov.vn. Ho^.i nghi..";
    let d = decode(text.as_bytes(), Encoding::Auto).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.encoding, Encoding::Viqr);
    assert!(d.warnings.iter().any(|w| w.contains("viqr")));
    assert_eq!(
        d.text,
        "Bây giờ là mùa thu. The U.S. embassy, what? See https://www.example.com/a.b?c=d and mail info@gov.vn. Hội nghị."
    );
    // English with the odd question mark stays UTF-8.
    let english = "What? The U.S. report, e.g. the 2020 one, is at http://x.org/?q=1. Call me.";
    let d = decode(english.as_bytes(), Encoding::Auto).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((d.encoding, d.text.as_str()), (Encoding::Utf8, english));
}

/// Words of a text for comparison: case-folded, NFC, old tone style, edge punctuation trimmed.
fn words(text: &str) -> Vec<String> {
    let fixed: String = text
        .chars()
        .map(|c| match c {
            '\u{2212}' => 'ư', // the PDF-derived transcripts' quirks (corpus README)
            '\u{2219}' => 'ã',
            c => c,
        })
        .collect();
    let norm = normalize_str(&fixed, &opts(Tone::Old)).to_lowercase();
    // Alphanumeric runs: the CSV exports glue cells with commas and quotes.
    // Numbers are left out: the spreadsheet transcripts round them differently.
    norm.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// Share of words in common in order: 2·LCS / (|a| + |b|).
fn agreement(a: &[String], b: &[String]) -> f64 {
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    2.0 * f64::from(prev[b.len()]) / (a.len() + b.len()).max(1) as f64
}

#[test]
fn legacy_corpus_matches_the_transcripts() {
    let dir = corpus("legacy");
    let mut cases: Vec<(PathBuf, PathBuf, Encoding)> = Vec::new();
    for entry in std::fs::read_dir(dir.join("plain")).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(transcript) = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{stem}.")) && n.ends_with(".utf8.txt"))
            })
        else {
            panic!("no transcript for {stem}");
        };
        let enc = if stem.starts_with("vni") {
            Encoding::Vni
        } else {
            Encoding::Tcvn3
        };
        cases.push((path, transcript, enc));
    }
    for (name, enc) in [
        ("viscii_chu-quoc-ngu.txt", Encoding::Viscii),
        ("cp1258_chu-quoc-ngu.txt", Encoding::Cp1258),
    ] {
        cases.push((dir.join(name), dir.join(format!("{name}.utf8.txt")), enc));
    }
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(cases.len(), 14);
    for (path, transcript, enc) in cases {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let want = std::fs::read_to_string(&transcript).unwrap_or_else(|e| panic!("{e}"));
        let d =
            decode(&bytes, Encoding::Auto).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (got, expected) = (words(&d.text), words(&want));
        let ratio = agreement(&got, &expected);
        // Some `plain/` streams lost byte 0xAD (TCVN3 ư, a soft hyphen to the extracting tool):
        // "đợc" for "được". Compare those modulo ư as well, to show the decoder's own share.
        let lost_u = matches!(enc, Encoding::Tcvn3) && !bytes.contains(&0xAD) && want.contains('ư');
        let strip = |ws: &[String]| -> Vec<String> {
            ws.iter()
                .map(|w| w.replace('ư', ""))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let modulo = if lost_u {
            agreement(&strip(&got), &strip(&expected))
        } else {
            ratio
        };
        println!(
            "{:<40} {:>6} conf {:.2}  words {:>5}  agree {:.4}  (modulo lost ư {:.4})",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            d.encoding.to_string(),
            d.confidence,
            expected.len(),
            ratio,
            modulo
        );
        assert_eq!(d.encoding, enc, "{}", path.display());
        assert!(
            d.warnings.iter().any(|w| w.contains(enc.as_str())),
            "{:?}",
            d.warnings
        );
        // VANBAN_DUMP=DIR writes both word lists there, for `diff` when a ratio drops.
        if let Ok(dir) = std::env::var("VANBAN_DUMP") {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            std::fs::write(Path::new(&dir).join(format!("{name}.got")), got.join("\n")).ok();
            std::fs::write(
                Path::new(&dir).join(format!("{name}.want")),
                expected.join("\n"),
            )
            .ok();
        }
        assert!(
            ratio >= 0.9 && modulo >= 0.97,
            "{}: {ratio} / {modulo}",
            path.display()
        );
    }
}

/// RTF, Word .doc, Excel .xls and PDF files read directly: the text inside the container,
/// decoded, agrees with the transcript word by word (better than the `plain/` streams, which
/// lost TCVN3's ư). Without the `pdf` feature a PDF is refused, naming the feature.
#[test]
fn legacy_containers_match_the_transcripts() {
    let dir = corpus("legacy");
    let read =
        |x: &str| x == "doc" || x == "rtf" || x == "xls" || (x == "pdf" && cfg!(feature = "pdf"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|x| x.to_str()).is_some_and(read))
        .collect();
    files.sort();
    assert_eq!(files.len(), if cfg!(feature = "pdf") { 13 } else { 12 });
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let want = std::fs::read_to_string(dir.join(format!("{name}.utf8.txt")))
            .unwrap_or_else(|e| panic!("{e}"));
        let d = decode(&bytes, Encoding::Auto).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (got, expected) = (words(&d.text), words(&want));
        let ratio = agreement(&got, &expected);
        println!(
            "{name:<45} {:>6} conf {:.2}  words {:>5}  agree {ratio:.4}",
            d.encoding.to_string(),
            d.confidence,
            expected.len(),
        );
        let container = match name.rsplit('.').next() {
            Some("rtf") => "RTF",
            Some("xls") => "Excel",
            Some("pdf") => "PDF",
            _ => "Word",
        };
        assert!(
            d.warnings[0].contains(container),
            "{name}: {:?}",
            d.warnings
        );
        let enc = if name.starts_with("vni") {
            Encoding::Vni
        } else {
            Encoding::Tcvn3
        };
        assert_eq!(d.encoding, enc, "{name}");
        assert!(ratio >= 0.95, "{name}: {ratio}");
    }
    if !cfg!(feature = "pdf") {
        let name = "tcvn3_2004_qd115-2004-ttg.pdf";
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
        let err = decode(&bytes, Encoding::Auto).unwrap_err().to_string();
        assert!(err.contains("pdf"), "{name}: {err}");
    }
}

fn documents() -> Vec<(PathBuf, String)> {
    let mut docs = Vec::new();
    for dir in ["seeds", "dev"] {
        for entry in std::fs::read_dir(corpus(dir)).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.extension().and_then(|e| e.to_str()) == Some("txt") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                docs.push((path, text));
            }
        }
    }
    docs.sort();
    docs
}

/// What is left of a text once the named changes are undone: folded, without whitespace,
/// zero-width characters and soft hyphens.
fn skeleton(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    fold(&nfc)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}'
                )
        })
        .collect()
}

#[test]
fn corpus_documents_change_only_by_the_rules() {
    let docs = documents();
    assert!(docs.len() >= 100, "{} documents", docs.len());
    let mut changed = 0;
    for (path, text) in &docs {
        for tone in [Tone::Old, Tone::New] {
            let out = normalize_str(text, &opts(tone));
            assert_eq!(
                normalize_str(&out, &opts(tone)),
                out,
                "not idempotent: {}",
                path.display()
            );
            assert!(unicode_normalization::is_nfc(&out), "{}", path.display());
            assert_eq!(skeleton(&out), skeleton(text), "{}", path.display());
            // Lines: one per input line, less the joined breaks; no blank line lost.
            let lines_in = text.replace("\r\n", "\n").matches(['\n', '\r']).count();
            let lines_out = out.matches('\n').count();
            assert!(
                lines_out <= lines_in && lines_out + 20 >= lines_in,
                "{}: {lines_in} → {lines_out} lines",
                path.display()
            );
            if tone == Tone::Old && matches!(out, Cow::Owned(_)) {
                changed += 1;
            }
        }
    }
    println!("{changed} of {} documents changed (old style)", docs.len());
}

#[test]
fn corpus_traps_are_repaired() {
    let read = |name: &str| {
        std::fs::read_to_string(corpus(&format!("dev/{name}")))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let d071 = normalize_str(&read("d071.txt"), &opts(Tone::Old)).into_owned();
    assert!(!d071.contains('Ð') && d071.contains("Đồng thời"));
    let d076 = read("d076.txt");
    assert!(d076.contains("\r\n"));
    assert!(!normalize_str(&d076, &opts(Tone::Old)).contains('\r'));
    let mixed = read("d001.txt") + &read("d046.txt");
    let has = |text: &str, word: &str| text.split(|c: char| !c.is_alphabetic()).any(|w| w == word);
    assert!(
        has(&mixed, "hoà") || has(&mixed, "uỷ"),
        "the sample mixes styles"
    );
    let old = normalize_str(&mixed, &opts(Tone::Old));
    for w in ["hoà", "uỷ", "Uỷ", "thuỷ", "khoẻ"] {
        assert!(!has(&old, w), "{w} in old style");
    }
    let new = normalize_str(&mixed, &opts(Tone::New));
    for w in ["hòa", "ủy", "Ủy", "thủy", "khỏe"] {
        assert!(!has(&new, w), "{w} in new style");
    }
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "hòa",
        "hoà",
        "thủy",
        "thuỷ",
        "Ủy",
        "Uỷ",
        "quý",
        "hoàn",
        "giữa",
        "khuỷu",
        "người",
        "Việt",
        "NAM",
        "T",
        "ham",
        "mưu",
        "a\u{301}",
        "Ðảng",
        "04-QC/BTGTU",
        "V/v",
        "http://x.vn/a?b",
        "U.S.",
        "what?",
        "đ",
        "Đ",
        "e",
        "x",
        "1",
    ]);
    let sep = prop::sample::select(vec![
        " ", "  ", "\n", "\r\n", "\t", "\u{A0}", ", ", ".\n\n", "\u{AD}", "\u{200B}", "",
    ]);
    prop::collection::vec((piece, sep), 0..30)
        .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

proptest! {
    #[test]
    fn normalising_is_idempotent(text in vietnamese_text(), new in any::<bool>()) {
        let o = opts(if new { Tone::New } else { Tone::Old });
        let once = normalize_str(&text, &o).into_owned();
        prop_assert_eq!(normalize_str(&once, &o), once.as_str());
    }

    #[test]
    fn folding_ignores_normalising(text in vietnamese_text(), new in any::<bool>()) {
        let o = opts(if new { Tone::New } else { Tone::Old });
        let out = normalize_str(&text, &o);
        prop_assert_eq!(skeleton(&out), skeleton(&text));
    }

    #[test]
    fn streaming_equals_whole(text in vietnamese_text()) {
        let mut out = Vec::new();
        normalize_reader(text.as_bytes(), &mut out, &Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let whole = normalize(text.as_bytes(), &Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(String::from_utf8_lossy(&out), whole);
    }
}

#[test]
fn bad_input_gives_a_clear_result() {
    // Binary: a PNG header.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    match normalize(png, &Options::default()) {
        Err(Error::NotText(why)) => assert!(why.contains("binary"), "{why}"),
        other => panic!("binary: {other:?}"),
    }
    // Empty.
    assert_eq!(
        normalize(b"", &Options::default()).ok().as_deref(),
        Some("")
    );
    // Invalid UTF-8 that no legacy table reads as Vietnamese (Latin-1 French).
    match normalize(
        b"Le caf\xe9 cr\xe8me br\xfbl\xe9e est na\xeff et d\xe9j\xe0 l\xe0.",
        &Options::default(),
    ) {
        Err(Error::NotText(why)) => assert!(why.contains("invalid UTF-8"), "{why}"),
        other => panic!("latin-1: {other:?}"),
    }
    // A forced encoding that does not fit.
    match normalize(
        b"abc \xc3\x28 def",
        &Options::default().encoding(Encoding::Utf8),
    ) {
        Err(Error::Decode {
            encoding: Encoding::Utf8,
            offset: 4,
            byte: 0xc3,
        }) => {}
        other => panic!("forced utf8: {other:?}"),
    }
}

/// A reader that produces `total` bytes of TCVN3 text without holding them.
struct Generated {
    line: Vec<u8>,
    left: usize,
    pos: usize,
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < buf.len() && self.left > 0 {
            buf[n] = self.line[self.pos];
            self.pos = (self.pos + 1) % self.line.len();
            self.left -= 1;
            n += 1;
        }
        Ok(n)
    }
}

struct Counter {
    bytes: usize,
    lines: usize,
}

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len();
        self.lines += buf.iter().filter(|&&b| b == b'\n').count();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn huge_input_streams_in_bounded_memory() {
    // "Uû ban nh©n d©n tØnh B×nh §Þnh" in TCVN3, 40 MiB of it.
    let line: Vec<u8> = "Uû ban nh©n d©n tØnh B×nh §Þnh\r\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let count = 40 * 1024 * 1024 / line.len();
    let reader = Generated {
        left: count * line.len(),
        line: line.clone(),
        pos: 0,
    };
    let mut counter = Counter { bytes: 0, lines: 0 };
    let s = normalize_reader(reader, &mut counter, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.encoding, Encoding::Tcvn3);
    assert_eq!(counter.lines, count);
    assert_eq!(
        counter.bytes,
        count * "Ủy ban nhân dân tỉnh Bình Định\n".len()
    );
    let reader = Generated {
        left: 3 * line.len(),
        line,
        pos: 0,
    };
    let mut out = Vec::new();
    fold_reader(reader, &mut out, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        String::from_utf8_lossy(&out),
        "Uy ban nhan dan tinh Binh Dinh\n".repeat(3)
    );
}
