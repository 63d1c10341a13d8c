//! The real `vanban` binary in temporary directories: bad inputs, the text verbs on a seed
//! document, the output formats of `extract`, standard input, exit codes.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The bundled party công văn (Ban Tuyên giáo Tỉnh ủy Bình Phước).
const SEED_DISPATCH: &str = "corpus/seeds/000_77c515b30785bc67.txt";
/// A bundled news report.
const SEED_NEWS: &str = "corpus/seeds/001_6f18e75c22ead646.txt";

fn seed(path: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `vanban ARGS` in `dir`, feeding `stdin`.
fn vanban(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vanban");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Write from another thread: a large input could otherwise fill the pipe while vanban
    // waits for us to read its output.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("wait for vanban");
    writer.join().expect("stdin writer");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Shows what vanban printed when an assertion fails.
fn describe(output: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    )
}

fn records(output: &Output) -> Vec<vanban::Record> {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not a JSON array of records: {e}\n{}", describe(output)))
}

fn sources(records: &[vanban::Record]) -> Vec<&str> {
    records
        .iter()
        .map(|r| r.source.as_deref().unwrap_or("(none)"))
        .collect()
}

/// A folder with two good documents and every kind of bad input.
struct Batch {
    dir: tempfile::TempDir,
}

impl Batch {
    fn new() -> Batch {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let write = |name: &str, bytes: &[u8]| {
            let path = root.join(name);
            fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            fs::write(path, bytes).expect("write");
        };
        write("good.txt", &seed(SEED_DISPATCH));
        // A zip header: NUL bytes, not a text document.
        write(
            "binary.bin",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!\x00\xb5\x8f\x00\x00",
        );
        write("empty.txt", b"");
        // Not UTF-8, and no legacy Vietnamese encoding yields words from it.
        write("garbage.txt", &garbage());
        write("mixed/news.txt", &seed(SEED_NEWS));
        write("mixed/zero.bin", b"\x00\x00\x00\x00\x00\x00\x00\x00");
        write("mixed/.hidden.txt", &seed(SEED_NEWS));
        Batch { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Control characters and high bytes in no pattern: invalid UTF-8 that is not text in any
/// encoding either.
fn garbage() -> Vec<u8> {
    let mut bytes = Vec::new();
    for i in 0u32..512 {
        bytes.push(match i % 5 {
            0 => 0x01 + (i % 7) as u8,
            1 => 0xff,
            2 => 0x80 + (i % 31) as u8,
            3 => 0xc3,
            _ => 0x1b,
        });
    }
    bytes
}

#[test]
fn bad_inputs_are_named_on_stderr_and_good_records_still_come_out() {
    let batch = Batch::new();
    let output = vanban(
        batch.path(),
        &[
            "extract",
            "good.txt",
            "binary.bin",
            "empty.txt",
            "garbage.txt",
            "missing.txt",
            "mixed",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let records = records(&output);
    assert_eq!(
        sources(&records),
        ["good.txt", "mixed/news.txt"],
        "{}",
        describe(&output)
    );
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    for bad in [
        "binary.bin",
        "empty.txt",
        "garbage.txt",
        "missing.txt",
        "mixed/zero.bin",
    ] {
        let prefix = format!("vanban: {bad}: ");
        let found: Vec<&&str> = lines.iter().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(found.len(), 1, "one line for {bad}\n{}", describe(&output));
        assert!(found[0].len() > prefix.len(), "a cause for {bad}: {err}");
    }
    assert_eq!(lines.len(), 5, "one line per bad input\n{err}");
    assert!(
        !err.contains("good.txt") && !err.contains("news.txt"),
        "{err}"
    );
    assert!(
        err.contains("vanban: binary.bin: not a text document"),
        "{err}"
    );
    assert!(
        err.contains("vanban: empty.txt: not a text document"),
        "{err}"
    );
}

#[test]
fn text_verbs_report_bad_inputs_too() {
    let batch = Batch::new();
    for verb in ["normalize", "fold"] {
        let output = vanban(
            batch.path(),
            &[verb, "good.txt", "binary.bin", "missing.txt"],
            b"",
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "{verb}: {}",
            describe(&output)
        );
        assert!(
            stdout(&output).len() > 1000,
            "{verb}: {}",
            describe(&output)
        );
        let err = stderr(&output);
        assert!(err.contains("vanban: binary.bin: "), "{verb}: {err}");
        assert!(err.contains("vanban: missing.txt: "), "{verb}: {err}");
        assert_eq!(err.lines().count(), 2, "{verb}: {err}");
    }
}

#[test]
fn a_forced_encoding_that_does_not_fit_names_the_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("latin.txt"), b"Vi\xea\xa3t Nam\xff").expect("write");
    let output = vanban(
        dir.path(),
        &["normalize", "--encoding", "utf8", "latin.txt"],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let err = stderr(&output);
    assert!(
        err.starts_with("vanban: latin.txt: not valid utf8"),
        "{err}"
    );
}

#[test]
fn normalize_gives_nfc_in_the_chosen_tone_style() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The seed in decomposed form (NFD), as some PDF text layers give it.
    let nfd: String = String::from_utf8(seed(SEED_DISPATCH))
        .expect("UTF-8 seed")
        .nfd()
        .collect();
    fs::write(dir.path().join("nfd.txt"), nfd.as_bytes()).expect("write");

    let old = vanban(dir.path(), &["normalize", "nfd.txt"], b"");
    assert!(old.status.success(), "{}", describe(&old));
    let text = stdout(&old);
    assert_eq!(is_nfc_quick(text.chars()), IsNormalized::Yes);
    assert!(text.contains("TỈNH ỦY BÌNH PHƯỚC"), "{text}");
    assert!(text.contains("Tỉnh ủy"), "{text}");
    assert!(!text.contains("Tỉnh uỷ"), "old tone style: {text}");

    let new = vanban(dir.path(), &["normalize", "--tone", "new", "nfd.txt"], b"");
    assert!(new.status.success(), "{}", describe(&new));
    let text = stdout(&new);
    assert!(text.contains("Tỉnh uỷ"), "new tone style: {text}");
    assert!(!text.contains("Tỉnh ủy"), "new tone style: {text}");
}

#[test]
fn fold_removes_every_diacritic() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("seed.txt"), seed(SEED_DISPATCH)).expect("write");
    let output = vanban(dir.path(), &["fold", "seed.txt"], b"");
    assert!(output.status.success(), "{}", describe(&output));
    let text = stdout(&output);
    assert!(text.contains("TINH UY BINH PHUOC"), "{text}");
    assert!(text.contains("Binh Phuoc"), "{text}");
    let accented: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .collect();
    assert!(accented.is_empty(), "letters left with marks: {accented:?}");
}

#[test]
fn standard_input_is_read_for_dash_and_for_no_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = seed(SEED_DISPATCH);
    let dash = vanban(dir.path(), &["extract", "-"], &text);
    assert!(dash.status.success(), "{}", describe(&dash));
    assert_eq!(sources(&records(&dash)), ["-"]);

    let none = vanban(dir.path(), &["extract", "--format", "jsonl"], &text);
    assert!(none.status.success(), "{}", describe(&none));
    assert_eq!(stdout(&none).lines().count(), 1);

    let folded = vanban(dir.path(), &["fold"], "Đảng ủy Thủy điện\n".as_bytes());
    assert!(folded.status.success(), "{}", describe(&folded));
    assert_eq!(stdout(&folded), "Dang uy Thuy dien\n");
}

/// A folder of the four seeds, twice over (one copy in a subfolder).
fn seed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let mut names: Vec<PathBuf> = fs::read_dir(&seeds)
        .expect("corpus/seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    fs::create_dir(dir.path().join("b")).expect("mkdir");
    for path in &names {
        let name = path.file_name().expect("a file name");
        fs::copy(path, dir.path().join(name)).expect("copy");
        fs::copy(path, dir.path().join("b").join(name)).expect("copy");
    }
    dir
}

#[test]
fn extract_json_is_one_array_of_records_in_input_order() {
    let dir = seed_folder();
    let output = vanban(dir.path(), &["extract", "."], b"");
    assert!(output.status.success(), "{}", describe(&output));
    let records = records(&output);
    let got = sources(&records);
    assert_eq!(got.len(), 8, "{got:?}");
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(got, sorted, "walk order is name order");
    assert_eq!(got[0], "./000_77c515b30785bc67.txt");
    assert_eq!(got[4], "./b/000_77c515b30785bc67.txt");
    let dispatch = records
        .iter()
        .find(|r| r.source.as_deref() == Some("./000_77c515b30785bc67.txt"))
        .expect("the seed dispatch");
    assert_eq!(
        dispatch.kind,
        vanban::record::Kind::Dispatch,
        "{dispatch:?}"
    );
    assert_eq!(
        dispatch.number.as_deref(),
        Some("-CV/BTGTU"),
        "{dispatch:?}"
    );
}

#[test]
fn extract_jsonl_prints_one_record_per_line() {
    let dir = seed_folder();
    let output = vanban(dir.path(), &["extract", "--format", "jsonl", "b"], b"");
    assert!(output.status.success(), "{}", describe(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    for line in lines {
        let record: vanban::Record = serde_json::from_str(line).expect("a record per line");
        assert!(record
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("b/")));
    }
}

#[test]
fn extract_csv_has_a_header_and_one_row_per_document() {
    let dir = seed_folder();
    let output = vanban(dir.path(), &["extract", "--format", "csv", "b"], b"");
    assert!(output.status.success(), "{}", describe(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    for column in [
        "source",
        "kind",
        "number",
        "number_parts.system",
        "issuer.name",
        "issuer.parent",
        "signer.title",
        "recipients",
        "people",
        "references",
        "action_items",
    ] {
        assert!(header.iter().any(|h| h == column), "{column} in {header:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), 4);
    let source = header.iter().position(|h| h == "source").expect("source");
    let number = header.iter().position(|h| h == "number").expect("number");
    assert_eq!(&rows[0][source], "b/000_77c515b30785bc67.txt");
    assert_eq!(&rows[0][number], "-CV/BTGTU");
    let recipients = header
        .iter()
        .position(|h| h == "recipients")
        .expect("recipients");
    assert!(rows[0][recipients].contains(" ; "), "{:?}", &rows[0]);
}

#[test]
fn output_file_is_written_and_never_read_as_input() {
    let dir = seed_folder();
    for _ in 0..2 {
        // The second run finds records.json in the folder it walks: it must skip it.
        let output = vanban(dir.path(), &["extract", ".", "-o", "records.json"], b"");
        assert!(output.status.success(), "{}", describe(&output));
        assert!(output.stdout.is_empty());
        let text = fs::read(dir.path().join("records.json")).expect("records.json");
        let records: Vec<vanban::Record> = serde_json::from_slice(&text).expect("records");
        assert_eq!(records.len(), 8);
    }
    let same = vanban(
        dir.path(),
        &[
            "normalize",
            "b/000_77c515b30785bc67.txt",
            "-o",
            "b/000_77c515b30785bc67.txt",
        ],
        b"",
    );
    assert_eq!(same.status.code(), Some(2), "{}", describe(&same));
    assert!(
        fs::metadata(dir.path().join("b/000_77c515b30785bc67.txt"))
            .expect("kept")
            .len()
            > 0
    );
}

#[test]
fn usage_and_fatal_errors_exit_with_two() {
    let dir = seed_folder();
    let bad_format = vanban(dir.path(), &["extract", "--format", "xml", "."], b"");
    assert_eq!(
        bad_format.status.code(),
        Some(2),
        "{}",
        describe(&bad_format)
    );
    let bad_output = vanban(
        dir.path(),
        &["extract", ".", "-o", "no/such/dir/out.json"],
        b"",
    );
    assert_eq!(
        bad_output.status.code(),
        Some(2),
        "{}",
        describe(&bad_output)
    );
    assert!(stderr(&bad_output).starts_with("vanban: no/such/dir/out.json: "));
}

#[test]
fn a_closed_pipe_is_success() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Far more than a pipe buffer holds.
    let text = seed(SEED_DISPATCH).repeat(200);
    fs::write(dir.path().join("big.txt"), &text).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(dir.path())
        .args(["normalize", "big.txt", "big.txt", "big.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vanban");
    let mut out = child.stdout.take().expect("stdout is piped");
    let mut first = [0u8; 100];
    out.read_exact(&mut first).expect("some output");
    drop(out);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(output.stderr.is_empty(), "{}", describe(&output));
}

#[test]
fn verbose_reports_the_encoding_of_each_file() {
    let dir = seed_folder();
    let output = vanban(dir.path(), &["-v", "normalize", "b"], b"");
    assert!(output.status.success(), "{}", describe(&output));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 4, "{err}");
    for line in err.lines() {
        assert!(line.starts_with("vanban: b/"), "{line}");
        assert!(line.contains("encoding utf8 (confidence "), "{line}");
    }
}

#[test]
fn every_verb_has_help_with_examples() {
    let dir = tempfile::tempdir().expect("temp dir");
    for verb in ["normalize", "fold", "extract"] {
        let output = vanban(dir.path(), &[verb, "--help"], b"");
        assert!(output.status.success(), "{}", describe(&output));
        let text = stdout(&output);
        assert!(text.contains("Examples:"), "{verb}: {text}");
        assert!(text.contains(&format!("vanban {verb}")), "{verb}: {text}");
        assert!(
            text.contains("--tone") && text.contains("--encoding"),
            "{verb}: {text}"
        );
    }
}

#[test]
fn readme_library_example_is_the_compiled_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).expect("README.md");
    let example = fs::read_to_string(root.join("examples/extract_folder.rs")).expect("example");
    let block = readme
        .split("```rust\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a rust block in README.md");
    assert!(
        example.contains(block.trim()),
        "README's rust block differs from examples/extract_folder.rs:\n{block}"
    );
}
