//! Documents in containers through the real CLI: a composed sample written as a Word `.docx`
//! and as an OpenDocument `.odt` gives the same record as its plain-text form; legacy RTF, Word,
//! Excel and PDF files of the development corpus give the text of their transcripts.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use zip::write::SimpleFileOptions;

const SAMPLES: [&str; 2] = [
    "corpus/composed/party_04_btgtu-binh-phuoc-cong-van-covid.txt",
    "corpus/composed/state_03_ubnd-hau-giang-cong-van-phong-chong-covid-19.txt",
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One `<w:p>` per line, tabs as `<w:tab/>`, the text split over two runs.
fn docx_xml(text: &str) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for line in text.lines() {
        xml.push_str("<w:p>");
        for (k, cell) in line.split('\t').enumerate() {
            if k > 0 {
                xml.push_str("<w:r><w:tab/></w:r>");
            }
            let cut = cell
                .char_indices()
                .nth(cell.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            for part in [&cell[..cut], &cell[cut..]] {
                xml.push_str(&format!(
                    r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(part)
                ));
            }
        }
        xml.push_str("</w:p>");
    }
    xml.push_str("</w:body></w:document>");
    xml
}

/// One `<text:p>` per line, runs of spaces as `<text:s text:c="N"/>`.
fn odt_xml(text: &str) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>"#,
    );
    for line in text.lines() {
        xml.push_str("<text:p>");
        let mut spaces = 0;
        for c in line.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if spaces > 0 {
                xml.push(' ');
                if spaces > 1 {
                    xml.push_str(&format!(r#"<text:s text:c="{}"/>"#, spaces - 1));
                }
                spaces = 0;
            }
            match c {
                '\t' => xml.push_str("<text:tab/>"),
                c => xml.push_str(&escape(&c.to_string())),
            }
        }
        xml.push_str("</text:p>");
    }
    xml.push_str("</office:text></office:body></office:document-content>");
    xml
}

fn package(path: &Path, parts: &[(&str, &str)]) {
    let file = fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipWriter::new(file);
    for (name, content) in parts {
        zip.start_file(*name, SimpleFileOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(content.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}"));
}

fn record(path: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["extract", "--format", "jsonl"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut record: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    record["source"] = serde_json::Value::Null;
    record
}

#[test]
fn docx_and_odt_give_the_record_of_the_plain_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for sample in SAMPLES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(sample);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let want = record(&path);
        assert!(want["number"].is_string(), "{sample}: {want}");

        let docx = dir.path().join("sample.docx");
        package(
            &docx,
            &[
                ("[Content_Types].xml", "<Types/>"),
                ("word/document.xml", &docx_xml(&text)),
            ],
        );
        assert_eq!(record(&docx), want, "{sample} as .docx");

        let odt = dir.path().join("sample.odt");
        package(
            &odt,
            &[
                ("mimetype", "application/vnd.oasis.opendocument.text"),
                ("content.xml", &odt_xml(&text)),
            ],
        );
        assert_eq!(record(&odt), want, "{sample} as .odt");
    }
}

#[test]
fn other_zip_archives_and_empty_workbooks_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    package(&dir.path().join("a.zip"), &[("notes.txt", "x")]);
    package(
        &dir.path().join("b.xlsx"),
        &[("xl/workbook.xml", "<workbook/>")],
    );
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/legacy");
    fs::copy(
        legacy.join("tcvn3_2005_mpi_xuatkhau.xls"),
        dir.path().join("c.xls"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::copy(
        legacy.join("tcvn3_2002_mof_qd144.doc"),
        dir.path().join("d.doc"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("e.pdf"), b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["extract", "--format", "jsonl", "."])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("a.zip: not a text document: a ZIP archive"),
        "{err}"
    );
    assert!(
        err.contains("b.xlsx: not a text document: an Excel workbook without a visible worksheet"),
        "{err}"
    );
    assert!(err.contains("e.pdf: not a text document: "), "{err}");
    assert!(err.contains("PDF"), "{err}");
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], "./c.xls");
    assert_eq!(records[1]["number"], "144/2002/QĐ/BTC");
    assert_eq!(records[1]["date"], "2002-11-22");
}

/// `vanban normalize` of a file (or of standard input).
fn normalize(path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("normalize")
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// The lines of a text with their white space collapsed (cells separated by tabs or by
/// spaces read the same), blank lines left out; in lower case when `fold_case`.
fn lines(text: &str, fold_case: bool) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .map(|l| if fold_case { l.to_lowercase() } else { l })
        .collect()
}

/// A legacy file read through `vanban normalize` gives the lines of its transcript, the
/// transcript itself passed through `vanban normalize` (so that both have the same tone-mark
/// style and spacing): every non-blank line equal, in order.
fn assert_reads_as_transcript(name: &str, fold_case: bool) {
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/legacy");
    let got = lines(&normalize(&legacy.join(name)), fold_case);
    let want = lines(
        &normalize(&legacy.join(format!("{name}.utf8.txt"))),
        fold_case,
    );
    let differ: Vec<String> = got
        .iter()
        .zip(&want)
        .filter(|(g, w)| g != w)
        .map(|(g, w)| format!("  got  {g}\n  want {w}"))
        .collect();
    assert!(
        differ.is_empty() && got.len() == want.len(),
        "{name}: {} lines, transcript {}; differing:\n{}",
        got.len(),
        want.len(),
        differ.join("\n")
    );
}

#[test]
fn legacy_xls_workbooks_read_as_their_transcripts() {
    assert_reads_as_transcript("tcvn3_2005_mpi_xuatkhau.xls", false);
    assert_reads_as_transcript("vni_2006_hcm_mau21-cktc.xls", false);
}

/// The TCVN3 PDF draws its title lines in a capital font (`VnTimeH`), which vanban restores to
/// capitals while the transcript kept them as typed: compared without case.
#[cfg(feature = "pdf")]
#[test]
fn legacy_pdf_reads_as_its_transcript() {
    assert_reads_as_transcript("tcvn3_2004_qd115-2004-ttg.pdf", true);
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/legacy");
    let record = record(&legacy.join("tcvn3_2004_qd115-2004-ttg.pdf"));
    assert_eq!(record["doc_type"], "Quyết định");
    assert_eq!(record["date"], "2004-06-25");
    assert_eq!(record["issuer"]["name"], "Thủ tướng Chính phủ");
}

/// An `.xlsx` workbook whose cells hold the transcript of the VNI workbook gives the same lines.
#[test]
fn xlsx_cells_read_as_rows() {
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/legacy");
    let reference = legacy.join("vni_2006_hcm_mau21-cktc.xls.utf8.txt");
    let text = fs::read_to_string(&reference).unwrap_or_else(|e| panic!("{e}"));
    let mut strings: Vec<&str> = Vec::new();
    let mut sheet = String::from("<worksheet><sheetData>");
    for (r, line) in text.lines().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in line.split('\t').enumerate() {
            if cell.is_empty() {
                continue;
            }
            let at = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            if cell.bytes().all(|b| b.is_ascii_digit()) {
                sheet.push_str(&format!(r#"<c r="{at}"><v>{cell}</v></c>"#));
            } else {
                sheet.push_str(&format!(
                    r#"<c r="{at}" t="s"><v>{}</v></c>"#,
                    strings.len()
                ));
                strings.push(cell);
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut sst = String::from("<sst>");
    for s in &strings {
        sst.push_str(&format!("<si><t>{}</t></si>", escape(s)));
    }
    sst.push_str("</sst>");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("mau21.xlsx");
    package(
        &xlsx,
        &[
            (
                "xl/workbook.xml",
                r#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/sharedStrings.xml", &sst),
            ("xl/worksheets/sheet1.xml", &sheet),
        ],
    );
    assert_eq!(
        lines(&normalize(&xlsx), false),
        lines(&normalize(&reference), false)
    );
}

/// Legacy RTF and Word files of the development corpus, read in place: the header fields,
/// checked by reading each file's transcript.
#[test]
fn legacy_rtf_and_doc_files_give_their_header_fields() {
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/legacy");
    let cases = [
        (
            "tcvn3_1998_nd94-1998-cp.rtf",
            "94/1998/NĐ-CP",
            "1998-11-17",
            "Chính phủ",
        ),
        (
            "tcvn3_2001_tt08-2001-btc.rtf",
            "08/2001/TT-BTC",
            "2001-01-18",
            "Bộ Tài chính",
        ),
        (
            "tcvn3_2003_nd28-2003-cp.doc",
            "28/2003/NĐ-CP",
            "2003-03-31",
            "Chính phủ",
        ),
        (
            "vni_2008_binhphuoc_qd991.doc",
            "991/QĐ-UBND",
            "2008-05-14",
            "Ủy ban nhân dân tỉnh Bình Phước",
        ),
    ];
    for (name, number, date, issuer) in cases {
        let record = record(&legacy.join(name));
        assert_eq!(record["number"], number, "{name}");
        assert_eq!(record["date"], date, "{name}");
        assert_eq!(record["issuer"]["name"], issuer, "{name}");
    }
}

/// Damaged containers (cut short, bytes flipped) give a record or a clear error, never a panic
/// or a hang.
#[test]
fn damaged_containers_end_cleanly() {
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/legacy");
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for name in [
        "tcvn3_2002_mof_qd144.doc",
        "vni_2008_binhphuoc_qd991.doc",
        "tcvn3_2001_tt08-2001-btc.rtf",
        "tcvn3_2005_mpi_xuatkhau.xls",
        "vni_2006_hcm_mau21-cktc.xls",
        "tcvn3_2004_qd115-2004-ttg.pdf",
    ] {
        let bytes = fs::read(legacy.join(name)).unwrap_or_else(|e| panic!("{e}"));
        for cut in [8, 100, 512, 513, 4096, bytes.len() / 2, bytes.len() - 1] {
            inputs.push(bytes[..cut.min(bytes.len())].to_vec());
        }
        // Flip one byte in every 97 after the header.
        let mut flipped = bytes.clone();
        for i in (600..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5A;
        }
        inputs.push(flipped);
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut docx = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut docx));
        zip.start_file("word/document.xml", SimpleFileOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>unclosed")
            .unwrap_or_else(|e| panic!("{e}"));
        zip.finish().unwrap_or_else(|e| panic!("{e}"));
    }
    inputs.push(docx.clone());
    inputs.push(docx[..docx.len() / 2].to_vec());
    for (k, bytes) in inputs.iter().enumerate() {
        let path = dir.path().join(format!("in{k}.bin"));
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["extract", "--format", "jsonl"])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "input {k}: {err}");
        match out.status.code() {
            Some(0) => assert!(!out.stdout.is_empty(), "input {k}"),
            Some(1) => assert!(err.contains(&format!("in{k}.bin: ")), "input {k}: {err}"),
            other => panic!("input {k}: exit {other:?}: {err}"),
        }
    }
}
