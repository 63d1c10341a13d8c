//! Action items: "Một là …", numbered tasks, "đề nghị/yêu cầu/giao X …", deadlines.
//!
//! A task is taken only where the wording assigns one, so that a report's paragraphs do not
//! become tasks:
//! - an enumerated item "Một là, …" … "Chín là, …" (seeds/001);
//! - a request verb of `dictionaries/cues.tsv` ("Đề nghị", "Yêu cầu", "Giao", "Mời") at the
//!   start of a line, item or sentence, then who must act, then the task ("6.1. Mời Thường trực
//!   … chuẩn bị phát biểu …", seeds/000; "Giao Liên đoàn Lao động tỉnh, Tỉnh đoàn Thanh niên tổ
//!   chức …", seeds/002); "đề nghị"/"yêu cầu" in mid-sentence when a body follows ("… Triệu
//!   Đình Lê đề nghị Ban Tuyên giáo Tỉnh ủy tăng cường …"); "yêu cầu:" before the tasks; a line
//!   that ends after the assignees takes its task from the next line ("8. Đề nghị Sở Thông tin
//!   và Truyền thông" / "Hỗ trợ cán bộ kỹ thuật …");
//! - a sentence with a deadline ("… gửi Tiểu ban trước ngày 30/6/2020", seeds/002);
//! - in the section of a plan or directive that assigns the work ("IV. TỔ CHỨC THỰC HIỆN",
//!   "III. NHIỆM VỤ, GIẢI PHÁP", "Điều 3. Tổ chức thực hiện"; dev/d036, d033, d003): the points
//!   under a numbered heading that names a body ("1. Sở Khoa học và Công nghệ" / "- Theo dõi …"),
//!   a body's own sentence ("2. Sở Tài chính chủ trì, phối hợp …"), and a point followed by the
//!   field lines of a task table ("Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực
//!   hiện: …"; "a) Nhiệm vụ: …" / "b) Cơ quan thực hiện:", dev/d031);
//! - the clauses of an article or clause on one body's duties ("Điều 14. Trách nhiệm của Sở
//!   Khoa học và Công nghệ", dev/d011; "1. Trách nhiệm của Ủy ban nhân dân các xã, phường",
//!   dev/d003).
//!
//! Lines are joined into paragraphs first, also where a page dump broke a line inside a name
//! ("… các tỉnh, thành phố từ" / "Hà Tĩnh đến Khánh Hòa:", dev/d039).
//!
//! Who must act is read up to the first verb (a stop word of `cues.tsv`) and split into bodies
//! where a new body's name begins ("Ủy ban MTTQ, các đoàn thể CT-XH tỉnh; các sở, ngành …").

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::extract::date::find_date;
use crate::extract::people::{
    collapse, cue_at, cue_starts, is_capitalised, is_cue, skip_spaces, small_letter, word_end, Cue,
};
use crate::record::{ActionItem, PartialDate};
use crate::segment::collapsed;

/// A searcher for one phrase, built once: `str::find` and `str::contains` build theirs on every
/// call, which costs more than the search in a short sentence.
macro_rules! phrase {
    ($needle:expr) => {{
        static FINDER: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new($needle));
        &*FINDER
    }};
}

/// A list marker at the start of a line: "- ", "+ ", "1. ", "6.1. ", "a) ", "II. ", markdown.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*_]*(?:[-+•–]\s*)*[\s*_]*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,4}\.)[\s*_]+)?")
        .expect("marker regex")
});

/// The length of the list marker opening `line` ([`MARKER`]); 0 when there is none. Most
/// lines open with a letter that no marker begins with: those are answered without the regex.
fn marker_len(line: &str) -> usize {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    // A marker opens with a space, "*", "_", a bullet, a digit, a Roman numeral or "a)": a
    // letter that is none of these (letters are neither spaces nor digits) opens no marker.
    let lettered = matches!(first, 'a'..='z' | 'đ') && chars.next() == Some(')');
    if first.is_alphabetic() && !matches!(first, 'I' | 'V' | 'X') && !lettered {
        return 0;
    }
    // The regex read by hand: bullets and emphasis, then an enumerator followed by a space.
    let sep = |c: char| c.is_whitespace() || c == '*' || c == '_';
    let mut i = skip_chars(line, 0, sep);
    while let Some(c @ ('-' | '+' | '•' | '–')) = line[i..].chars().next() {
        i = skip_chars(line, i + c.len_utf8(), char::is_whitespace);
    }
    let i = skip_chars(line, i, sep);
    match enumerator_end(line, i) {
        Ok(Some(e)) => match skip_chars(line, e, sep) {
            j if j > e => j,
            _ => i,
        },
        Ok(None) => i,
        // A digit of another script: `\d` knows them all.
        Err(()) => MARKER.find(line).map_or(0, |m| m.end()),
    }
}

/// Where the characters of `s` from `i` on that `keep` accepts end.
fn skip_chars(s: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    s[i..].find(|c: char| !keep(c)).map_or(s.len(), |k| i + k)
}

/// The end of the enumerator of [`MARKER`] that opens `s[i..]` ("6.1.", "2)", "a)", "IV."):
/// `Ok(None)` when none does, `Err` at a non-ASCII digit (left to the regex).
fn enumerator_end(s: &str, i: usize) -> Result<Option<usize>, ()> {
    let b = s.as_bytes();
    // The ASCII digits from `k` and where they end; a digit of another script is an error.
    let digits = |k: usize| -> Result<usize, ()> {
        let e = k + b[k..].iter().take_while(|b| b.is_ascii_digit()).count();
        match s[e..].chars().next() {
            Some(c) if !c.is_ascii() && c.is_numeric() => Err(()),
            _ => Ok(e),
        }
    };
    let Some(c) = s[i..].chars().next() else {
        return Ok(None);
    };
    match c {
        '0'..='9' => {
            // `\d{1,2}(?:\.\d{1,2})*[.)]`: a third digit, or a group of three, matches nothing,
            // and giving a group back leaves a "." before a digit, never before a space.
            let mut p = digits(i)?;
            if p - i > 2 {
                return Ok(None);
            }
            while b.get(p) == Some(&b'.') {
                let e = digits(p + 1)?;
                match e - (p + 1) {
                    0 => break,
                    1 | 2 => p = e,
                    _ => return Ok(None),
                }
            }
            Ok(matches!(b.get(p), Some(b'.' | b')')).then_some(p + 1))
        }
        'a'..='z' | 'đ' => {
            let e = i + c.len_utf8();
            Ok((b.get(e) == Some(&b')')).then_some(e + 1))
        }
        'I' | 'V' | 'X' => {
            let n = b[i..]
                .iter()
                .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
                .count();
            Ok((n <= 4 && b.get(i + n) == Some(&b'.')).then_some(i + n + 1))
        }
        c if !c.is_ascii() && c.is_numeric() => Err(()),
        _ => Ok(None),
    }
}

/// Words without which a line asks nothing: the request verbs of `cues.tsv` (as written and
/// with a capital: "đề nghị", "Đề nghị"), the strong deadline words, "Đối với" (seeds/000),
/// the closing article's "chịu trách nhiệm thi hành" and the closing "Trong quá trình thực
/// hiện, nếu có khó khăn, vướng mắc, …" ([`difficulty`]).
static TASK_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    for verb in crate::extract::people::cues(Cue::Request) {
        let mut cs = verb.chars();
        if let Some(first) = cs.next() {
            words.push(first.to_uppercase().chain(cs).collect());
        }
        words.push((*verb).to_string());
    }
    words.extend(
        STRONG_DEADLINE
            .iter()
            .chain(&["Đối với", "chịu trách nhiệm thi hành", "Trong quá trình"])
            .map(|w| (*w).to_string()),
    );
    // Leftmost-first answers `is_match` as the standard semantics would, and lets the
    // automaton use its prefilter: less than half the instructions a line.
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&words)
        .expect("task words automaton")
});

/// The first words of the deadline cues that make a sentence a task by themselves ("trước",
/// "chậm nhất", "hạn chót", "xong trước"); "trong" and "đến hết" also date a report.
const STRONG_DEADLINE: &[&str] = &["trước", "chậm", "hạn", "xong"];

/// A searcher for each word of [`STRONG_DEADLINE`].
static STRONG_DEADLINE_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    LazyLock::new(|| {
        STRONG_DEADLINE
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
    });

/// Every task the body assigns or asks for, in order.
pub(crate) fn action_items(body: &str) -> Vec<ActionItem> {
    let paragraphs = paragraphs(body);
    let lines: Vec<&str> = paragraphs.iter().map(|p| p.as_ref()).collect();
    let mut out: Vec<ActionItem> = Vec::new();
    // After "… Ủy ban nhân dân tỉnh yêu cầu:" (dev/d038): numbered items name who acts, and
    // the lines under each are that body's tasks.
    let mut directive: Option<Vec<String>> = None;
    let mut in_directive = false;
    let mut heading_open = false;
    // The paragraph before asked something: a body's sentence here is its task (seeds/002).
    let mut carry = false;
    // Inside a section of tasks ("IV. TỔ CHỨC THỰC HIỆN", "III. NHIỆM VỤ, GIẢI PHÁP"): every
    // numbered heading may name who acts, and a body's sentence is its task.
    let mut section = false;
    // Tasks of a section that wait for their "Đơn vị chủ trì: …" line (dev/d033), and the
    // items that line and the field lines after it complete.
    let mut tentative: Vec<&str> = Vec::new();
    let mut fielded: Vec<usize> = Vec::new();
    // Inside an article "Điều 14. Trách nhiệm của X": X.
    let mut article: Option<Vec<String>> = None;
    // Lines already taken as the items of a list under a request.
    let mut skip_to = 0;
    // "… yêu cầu các cấp ủy đảng tập trung làm tốt các việc sau:" (composed party_02): those
    // asked, and the line of the intro or of the last "Một là, …" item after it.
    let mut enumerated: Option<(Vec<String>, usize)> = None;
    // A numbered point under "… yêu cầu:" was a body's own sentence ("1. Bộ Tài chính, Ngân
    // hàng Nhà nước … phối hợp …", dev/d065): a plain paragraph after it explains that point.
    let mut point_sentences = false;
    // Inside an article of a decision, resolution or law: whether its clauses may assign the
    // work ("Điều 3. Tổ chức thực hiện", an article without a title).
    let mut legal: Option<Article> = None;
    let mut chapters = false;
    // Paragraphs in a row of such an article that assigned nothing.
    let mut misses = 0;
    for (n, raw) in lines.iter().enumerate() {
        if n < skip_to {
            continue;
        }
        let marker_len = marker_len(raw);
        let line = &raw[marker_len..];
        if line.trim_start().is_empty() {
            continue;
        }
        let field = task_field(line);
        if let Some(TaskField::Task(start)) = field {
            if section {
                fielded.clear();
                tentative.clear();
                tentative.push(&line[start..]);
            }
            continue;
        }
        if let Some(field) = field {
            // "Đơn vị chủ trì thực hiện: Các Sở …" / "Đơn vị phối hợp: …" / "Thời gian thực
            // hiện: Tháng 12/2025" under the tasks they describe (dev/d033).
            if section || !fielded.is_empty() {
                for task in tentative.drain(..) {
                    let before = out.len();
                    push(&mut out, task, Vec::new());
                    fielded.extend(before..out.len());
                }
            }
            for &k in &fielded {
                match &field {
                    TaskField::Who(bodies) => {
                        for b in bodies {
                            if !out[k].assignees.contains(b) {
                                out[k].assignees.push(b.clone());
                            }
                        }
                    }
                    TaskField::When(date) => {
                        if out[k].deadline.is_none() {
                            out[k].deadline = *date;
                        }
                    }
                    TaskField::Task(_) | TaskField::Label => {}
                }
            }
            continue;
        }
        fielded.clear();
        if let Some(who) = article_duty(line) {
            // "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ" (a quy chế, dev/d011): the
            // clauses of the article are that body's tasks.
            article = Some(who);
            in_directive = false;
            directive = None;
            tentative.clear();
            continue;
        }
        let head = line.trim_start_matches(['*', '#', ' ']);
        if head.starts_with("Chương ") || head.starts_with("CHƯƠNG ") {
            // A law, a charter or a quy chế: its articles without titles state rules.
            chapters = true;
            legal = None;
        }
        if let Some((kind, text)) = article_head(line) {
            // "**Điều 2. **Sở Xây dựng chủ trì …" (dev/d014): an article that is one sentence
            // assigns by itself, and its clauses may go on doing so (dev/d002).
            let kind = if chapters && kind == Article::Untitled {
                Article::Other
            } else {
                kind
            };
            legal = Some(kind);
            misses = 0;
            if kind != Article::Other && !text.is_empty() && duties(&mut out, text, kind) {
                continue;
            }
        } else if let Some(kind) = legal.filter(|&k| k != Article::Other) {
            let quoted = line.trim_start().starts_with(['“', '"']);
            let part = head.starts_with("Mục ");
            let caps = !line.chars().any(char::is_lowercase);
            if quoted || part || caps {
                legal = None;
            } else if misses >= 4 {
                // Three paragraphs that assign nothing: the articles are over (a table, an
                // annex, the signature).
                legal = None;
            } else if duties(&mut out, line, kind) {
                // "4. Chính phủ, Bộ Lao động - Thương binh và Xã hội …, trong phạm vi nhiệm vụ,
                // quyền hạn của mình, hướng dẫn, tổ chức thi hành Nghị quyết này" (dev/d060).
                if numbered(raw, marker_len) {
                    directive = None;
                    heading_open = false;
                }
                carry = false;
                misses = 0;
                continue;
            } else if marker_len == 0 || numbered(raw, marker_len) {
                // Points under a clause ("a) Tổ chức triển khai …" under "1. Cục Đăng kiểm
                // Việt Nam có trách nhiệm:", dev/d044) belong to it.
                misses += 1;
            }
        }
        if let Some(opens) = section_heading(raw, line) {
            // A new part of the document: tasks that no field line claimed were topics.
            tentative.clear();
            article = None;
            section = opens;
            in_directive = opens;
            directive = None;
            heading_open = false;
            if opens {
                continue;
            }
        }
        if section && closing(line) {
            // "Trên đây là Kế hoạch …. Ủy ban nhân dân tỉnh yêu cầu …" (dev/d036): the closing
            // paragraph is the document's own, not the last body's.
            section = false;
            in_directive = false;
            directive = None;
            tentative.clear();
        }
        if section && !in_directive && numbered(raw, marker_len) {
            // "**3. Các Sở, ban, ngành cấp tỉnh**" after a topic heading (dev/d036).
            in_directive = true;
            directive = None;
        }
        let found_before = out.len();
        if let Some(who) = article.as_ref() {
            let plain = line.trim_start().trim_start_matches('*');
            let part = ["Điều ", "Chương ", "Mục "]
                .iter()
                .any(|w| plain.starts_with(w));
            if part || !line.chars().any(char::is_lowercase) {
                article = None;
            } else {
                article_clause(&mut out, line, who);
                continue;
            }
        }
        if in_directive {
            match directive_line(raw, line) {
                DirectiveLine::Heading(assignees, task) => {
                    heading_open = task.is_empty();
                    if !task.is_empty() {
                        push(&mut out, task, assignees.clone());
                    }
                    directive = Some(assignees);
                    continue;
                }
                DirectiveLine::Task => {
                    // Under "4. Công an tỉnh" the plain paragraphs are its tasks (dev/d038);
                    // after "3. Sở X: task" a plain paragraph is the document going on.
                    let bullet = marker_len > 0 && !raw[..marker_len].trim().is_empty();
                    if let Some(assignees) = directive.as_ref().filter(|_| heading_open) {
                        // A point that names its own body keeps it: "5. Các nội dung khác" /
                        // "a) Bộ Nông nghiệp và Môi trường chỉ đạo …" (dev/d029).
                        let own = match Subject::of(line).filter(Subject::then_verb) {
                            // "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …" (dev/d037):
                            // those asked, not who asks.
                            Some(own) if cue_at(own.rest(), Cue::Request).is_some() => {
                                request(line)
                                    .map(|r| r.assignees)
                                    .filter(|a| !a.is_empty())
                                    .unwrap_or_else(|| own.bodies())
                            }
                            Some(own) => own.bodies(),
                            None => request(line)
                                .filter(|r| !r.mid)
                                .map(|r| r.assignees)
                                .filter(|a| !a.is_empty())
                                .unwrap_or_else(|| assignees.clone()),
                        };
                        push(&mut out, line, own);
                        continue;
                    }
                    let outline = raw[..marker_len]
                        .trim()
                        .trim_matches('*')
                        .trim_end_matches(['.', ')'])
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.');
                    if bullet && !outline {
                        // A sub-point of a task given inline ("3. Sở X: task" / "- …").
                        continue;
                    }
                    if point_sentences && marker_len == 0 && cue_at(line, Cue::Request).is_none() {
                        // "Mức quà tặng: 100.000 đồng/người dân …" under "1. Bộ Tài chính …
                        // phối hợp …" (dev/d065) says more about that point; "Yêu cầu Giám đốc
                        // các sở …" after the last point (dev/d038) is a request of its own.
                        continue;
                    }
                    in_directive = false;
                    directive = None;
                    point_sentences = false;
                }
                DirectiveLine::End => {
                    if !section && numbered(raw, marker_len) {
                        // "… Thủ tướng Chính phủ yêu cầu:" / "2. Bộ Tài chính chủ trì, phối
                        // hợp …" / "3. Ngân hàng Nhà nước Việt Nam chỉ đạo …" (dev/d065): each
                        // point is its body's own sentence.
                        if let Some(who) = Subject::of(line).filter(Subject::then_verb) {
                            push(&mut out, line, who.bodies());
                            point_sentences = true;
                            directive = None;
                            heading_open = false;
                            continue;
                        }
                    }
                    in_directive = false;
                    directive = None;
                    point_sentences = false;
                }
            }
        }
        if let Some((who, task)) = colon_item(line) {
            // "Sở Thông tin và Truyền thông: chủ trì xây dựng …" (composed state documents).
            // The first sentence is the task: "Phòng Dân tộc - Tôn giáo: theo dõi, tổng hợp
            // việc thực hiện Hướng dẫn này. Thông tin trao đổi xin liên hệ …" (composed
            // party_07).
            let task = sentences(task).first().map_or(task, |r| &task[r.clone()]);
            push(&mut out, task, who);
            continue;
        }
        if let Some(text) = ordinal_item(line) {
            // The item's first sentence is the task; the rest explains it (seeds/001).
            let text = sentences(text).first().map_or(text, |r| &text[r.clone()]);
            let mut assignees = requested_in(text);
            // Items right after an intro "… yêu cầu X … các việc sau:" are X's tasks.
            match enumerated.as_mut() {
                Some((who, at)) if lines[*at + 1..n].iter().all(|l| l.trim().is_empty()) => {
                    if assignees.is_empty() {
                        assignees = who.clone();
                    }
                    *at = n;
                }
                _ => enumerated = None,
            }
            push(&mut out, text, assignees);
            carry = false;
            continue;
        }
        if !line.chars().any(char::is_lowercase) {
            // A heading in capitals ("ĐỀ NGHỊ TẶNG THƯỞNG DANH HIỆU …") asks nothing.
            carry = false;
            continue;
        }
        // Cheap test first: the request verbs and the strong deadline words.
        let cued = TASK_WORDS.is_match(line);
        if !cued && !carry {
            if section {
                section_task(&mut out, &mut tentative, raw, marker_len);
            }
            continue;
        }
        // A photo caption ends without punctuation: "… Hà Anh Dũng đề nghị các cơ quan, đơn
        // vị tích cực tuyên truyền …" (seeds/003) reports a request, it does not make one.
        let terminal = line
            .trim_end()
            .ends_with(['.', '!', '?', ';', ':', '…', ')', '"', '”']);
        let ranges = sentences(line);
        let last_end = line.trim_end().len();
        let mut current: Option<Vec<String>> = None;
        let mut any = false;
        for s in ranges {
            let sentence = &line[s.clone()];
            let last = s.end >= last_end;
            if cued {
                if let Some(req) = request(sentence) {
                    if req.mid && !terminal {
                        continue;
                    }
                    if req.colon {
                        if req.task.trim().is_empty() && last {
                            let listed = listed_items(&lines, n);
                            if listed.len() >= 2 && !req.assignees.is_empty() {
                                // "… đề nghị các xã, thị trấn:" / "- Tổ chức …;" / "- Rà
                                // soát …": every item of the list is a task of those named.
                                for (k, item) in listed {
                                    push(&mut out, item, req.assignees.clone());
                                    skip_to = skip_to.max(k + 1);
                                }
                                any = true;
                                continue;
                            }
                            // "… yêu cầu:" closing its paragraph: the numbered items below
                            // say who does what (dev/d038).
                            in_directive = true;
                            point_sentences = false;
                            directive = None;
                            continue;
                        }
                        // "yêu cầu: Trong quý II/2021, các cơ quan, đơn vị cần …" (seeds/003).
                        let who = if req.assignees.is_empty() {
                            subject_after_adverbial(req.task)
                        } else {
                            req.assignees
                        };
                        push(&mut out, req.task, who.clone());
                        current = Some(who);
                        any = true;
                        continue;
                    }
                    if req.task.trim().trim_matches('*').is_empty() && last {
                        // "8. Đề nghị Sở Thông tin và Truyền thông" / next line: the task. A
                        // bullet followed by a bullet is a list of those invited ("- Mời đại
                        // diện Thường trực …" / "- Lãnh đạo, chuyên viên …", seeds/000).
                        let siblings = bullet(raw) && lines.get(n + 1).is_some_and(|l| bullet(l));
                        if let Some(task) = next_line(&lines, n).filter(|_| !siblings) {
                            push(&mut out, task, req.assignees);
                            any = true;
                        }
                        continue;
                    }
                    let lists_next = sentence.trim_end().ends_with(':')
                        && last
                        && (next_line(&lines, n).is_some_and(|l| colon_item(l).is_some())
                            || heading_follows(&lines, n));
                    // "… yêu cầu các Đảng ủy trực thuộc thực hiện một số nội dung như sau:"
                    // (dev/d091) says only that tasks follow: the items below are the tasks of
                    // those asked. "Mời … chuẩn bị phát biểu một trong các nội dung sau:" is a
                    // task itself (seeds/000).
                    let intro = last && announces_list(sentence) && !invites(req.from_verb);
                    if intro && !req.assignees.is_empty() {
                        let listed = listed_items(&lines, n);
                        if listed.len() >= 2 {
                            for (k, item) in listed {
                                push(&mut out, item, req.assignees.clone());
                                skip_to = skip_to.max(k + 1);
                            }
                            any = true;
                            continue;
                        }
                        enumerated = Some((req.assignees.clone(), n));
                    }
                    if !lists_next && !intro {
                        // "… đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:"
                        // followed by "Sở …: task" items is said by those items (composed
                        // party_04); "Mời … chuẩn bị … sau:" is a task itself (seeds/000).
                        push(&mut out, req.from_verb, req.assignees.clone());
                    }
                    any = true;
                    if sentence.trim_end().ends_with(':') && last {
                        // "… yêu cầu Thủ trưởng các sở … thực hiện … sau:" (dev/d037).
                        // Lines before the first numbered body ("- Đánh giá …" under "6.1.
                        // Mời … sau:", seeds/000) are topics, not tasks.
                        in_directive = true;
                        point_sentences = false;
                        directive = None;
                    } else {
                        current = Some(req.assignees);
                    }
                    continue;
                }
                if let Some((who, task)) = bracketed_request(sentence) {
                    push(&mut out, task, who);
                    continue;
                }
                if let Some((who, task)) = responsible(sentence) {
                    push(&mut out, task, who);
                    continue;
                }
                if let Some(who) = addressed(sentence) {
                    push(&mut out, sentence, who);
                    any = true;
                    continue;
                }
                if current.is_none() {
                    // After a request the sentence goes on with it ("… yêu cầu các sở …
                    // triển khai …. Trong quá trình thực hiện nếu phát sinh vướng mắc, báo
                    // cáo …", dev/d036) and is taken below; after a request in the paragraph
                    // before, it is a task of its own ("1. Giao Văn phòng …" / "2. Trong quá
                    // trình thực hiện, nếu có khó khăn, vướng mắc, …", dev/d003).
                    if let Some(who) = difficulty(sentence) {
                        push(&mut out, sentence, who);
                        continue;
                    }
                }
            }
            let who = Subject::of(sentence);
            if who.is_none() && current.is_none() && !carry {
                continue;
            }
            if informs(sentence) {
                // "Văn phòng Tỉnh ủy thông báo để các cơ quan … biết, thực hiện": a closing
                // formula, not a task.
                continue;
            }
            match who {
                Some(who) if carry || current.is_some() => {
                    // After a request, each body's sentence is its task (seeds/002).
                    let who = who.bodies();
                    push(&mut out, sentence, who.clone());
                    current = Some(who);
                    any = true;
                }
                None => {
                    if let Some(who) = current.as_ref() {
                        // "Đẩy mạnh …", "Chỉ đạo …": the request goes on.
                        if sentence.trim_start().starts_with(char::is_uppercase) {
                            push(&mut out, sentence, who.clone());
                        }
                    }
                }
                Some(who) => {
                    if strong_deadline(sentence).is_some() {
                        // A deadline alone is a task only when the sentence names who acts:
                        // "trước ngày 01/10/2025 thì thực hiện theo …" (dev/d021) is a
                        // condition.
                        push(&mut out, sentence, who.bodies());
                    }
                }
            }
        }
        carry = any || (carry && current.is_some());
        if section && out.len() == found_before {
            section_task(&mut out, &mut tentative, raw, marker_len);
        }
    }
    out
}

/// A paragraph of an article or point "Trách nhiệm của X": X's task, unless the paragraph
/// names its own body with a duty ("Chủ tịch Ủy ban nhân dân cấp xã thành lập …" under
/// "a) Trách nhiệm của Ủy ban nhân dân cấp xã", "Căn cứ …, cơ quan chuyên môn … có trách
/// nhiệm …"). A later sentence with a body and a duty of its own is a task of its own
/// ("4. Chỉ đạo …. Ủy ban nhân dân cấp xã có trách nhiệm công khai …"); the sentences
/// before it are dropped when they open with a body that takes no duty ("Tổ kiểm tra bao
/// gồm …").
fn article_clause(out: &mut Vec<ActionItem>, line: &str, who: &[String]) {
    let own = |s: &str| duty(s, true).filter(|b| !b.is_empty());
    let ranges = sentences(line);
    // A later sentence opens with its body: "Trường hợp để xảy ra vi phạm, thủ trưởng đơn vị
    // … phải chịu trách nhiệm" states a liability.
    let later = ranges.iter().skip(1).find_map(|r| {
        let s = &line[r.clone()];
        Subject::of(s).and_then(|_| own(s)).map(|b| (r.start, b))
    });
    let (lead, rest) = match later {
        Some((at, bodies)) => (&line[..at], Some((&line[at..], bodies))),
        None => (line, None),
    };
    match own(lead) {
        Some(bodies) => push(out, lead, bodies),
        None if rest.is_some() && Subject::of(lead).is_some() => {}
        None => push(out, lead, who.to_vec()),
    }
    if let Some((text, bodies)) = rest {
        push(out, text, bodies);
    }
}

/// Whether `s` has the closing formula of a letter that informs ("… thông báo để các cơ quan
/// … biết", "… trả lời để Công ty biết").
fn informs(s: &str) -> bool {
    let s = s.as_bytes();
    phrase!("thông báo để").find(s).is_some() || phrase!("trả lời để").find(s).is_some()
}

/// A paragraph of a section of tasks that no other rule took. A body's sentence is its task
/// ("**2. **Sở Tài chính chủ trì, phối hợp …", dev/d033; "c) Bộ Quốc phòng phát huy …",
/// dev/d029); a bullet or lettered point waits for the field lines that say who does it
/// ("- Tổ chức tập huấn …" / "Đơn vị chủ trì: Sở Tư pháp", dev/d033). A numbered line without
/// a body is the heading of a group of tasks, not a task.
fn section_task<'a>(
    out: &mut Vec<ActionItem>,
    tentative: &mut Vec<&'a str>,
    raw: &'a str,
    marker_len: usize,
) {
    let line = &raw[marker_len..];
    if line.trim_end().trim_end_matches('*').ends_with(':') || informs(line) {
        // "Ban Dân vận Tỉnh ủy đề nghị … thực hiện tốt các nhiệm vụ sau:" (composed party_07)
        // introduces the tasks; "Văn phòng Chính phủ xin thông báo để các bộ … biết, thực
        // hiện" (dev/d029) closes a thông báo.
        return;
    }
    if let Some(who) = Subject::of(line).filter(Subject::then_verb) {
        // "Bộ … chịu trách nhiệm về nội dung báo cáo" (dev/d002) and "Sở … là cơ quan thường
        // trực" state a liability or a role, not a task.
        let rest = who.rest();
        let liable = rest.starts_with("là ")
            || rest.starts_with("chịu trách nhiệm về ")
            || rest.starts_with("chịu trách nhiệm trước ");
        if !liable {
            push(out, line, who.bodies());
        }
    } else if line.starts_with(char::is_uppercase)
        && !raw[..marker_len].bytes().any(|b| b.is_ascii_digit())
        && line
            .trim_end()
            .trim_end_matches('*')
            .ends_with(['.', ';', '!'])
    {
        // A task is a sentence; "a) Nguồn nhân lực" and "1.1. Xây dựng …:" are headings.
        tentative.push(line);
    } else {
        // A heading between a task and field lines: the task had none (dev/d031).
        tentative.clear();
    }
}

/// Words of a heading that opens the part of a plan or directive that assigns the tasks
/// ("IV. TỔ CHỨC THỰC HIỆN", dev/d036; "III. NHIỆM VỤ, GIẢI PHÁP", dev/d033; "III. NHIỆM VỤ
/// TRỌNG TÂM", dev/d029; "II. NỘI DUNG THỰC HIỆN", dev/d035), lower case.
const SECTION_WORDS: &[&str] = &[
    "tổ chức thực hiện",
    "nội dung thực hiện",
    "nhiệm vụ",
    "giải pháp",
    "phân công",
    "trách nhiệm",
];

/// Whether the line is a section heading (a Roman numeral, or capitals only) and whether that
/// section assigns tasks: `Some(true)` opens one, `Some(false)` is another section.
fn section_heading(raw: &str, line: &str) -> Option<bool> {
    let marker =
        raw[..raw.len() - line.len()].trim_matches(|c: char| c.is_whitespace() || c == '*');
    let roman = marker.len() > 1
        && marker.ends_with('.')
        && marker
            .trim_end_matches('.')
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X'));
    // Spaces and stars are neither capitals nor lower case: the line's letters are the text's.
    let caps = line.chars().any(char::is_uppercase) && !line.chars().any(char::is_lowercase);
    // Cheap test first: a heading is numbered in Roman, in capitals or an article.
    if !roman && !caps && !unstarred(line).starts_with("Điều") {
        return None;
    }
    let text = line.trim().trim_matches('*').trim();
    // An article is a section too: "Điều 3. Tổ chức thực hiện" (dev/d003).
    let article = article_title(text);
    if !roman && !caps && article.is_none() {
        return None;
    }
    // One automaton pass instead of a substring search a word.
    static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(SECTION_WORDS)
            .expect("section words automaton")
    });
    let lower = lowercase(article.unwrap_or(text));
    Some(FINDER.is_match(&lower))
}

/// The heads of an article that lists one body's duties, lower case: "Điều 14. Trách nhiệm
/// của Sở Khoa học và Công nghệ", "Điều 5. Nhiệm vụ của Tổ giúp việc" (quy chế, quy định;
/// dev/d011).
const DUTY_HEADS: &[&str] = &[
    "trách nhiệm của ",
    "nhiệm vụ của ",
    "nhiệm vụ, quyền hạn của ",
];

/// "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ" → "Sở Khoa học và Công nghệ".
/// A clause "1. Trách nhiệm của Ủy ban nhân dân các xã, phường" under an article does the same
/// (a quyết định, dev/d003).
fn article_duty(line: &str) -> Option<Vec<String>> {
    // Cheap test first: the title begins with "Trách"/"Nhiệm" or the line with "Điều" (the
    // first letter after the spaces and stars opens the line trimmed at both ends too).
    if !unstarred(line).starts_with(['T', 't', 'N', 'n', 'Đ']) {
        return None;
    }
    let s = line.trim().trim_matches('*').trim();
    let article = article_title(s);
    let title = article.unwrap_or(s);
    let head = DUTY_HEADS
        .iter()
        .find(|h| title.get(..h.len()).is_some_and(|p| lower_eq(p, h)))?;
    // Vietnamese letters keep their byte length when lower-cased; `get` guards the rest.
    let who = clean(title.get(head.len()..)?);
    // A clause must name a body ("1. Trách nhiệm của Sở …"); "3. Trách nhiệm của chi bộ và
    // cấp ủy:" in a party charter (dev/d001) states a rule, it assigns nothing.
    let named = who.starts_with(char::is_uppercase) && cue_at(&who, Cue::BodyHead).is_some();
    if article.is_none() && !named {
        return None;
    }
    if who.is_empty() || who.len() > 200 || who.contains(". ") || who.ends_with(['.', ';']) {
        return None;
    }
    let bodies = split_bodies(&drop_brackets(&who));
    (!bodies.is_empty()).then_some(bodies)
}

/// `s` after the spaces and stars that open it: `s.trim().trim_matches('*').trim()` opens with
/// the same letter (its end is trimmed of spaces and stars only).
fn unstarred(s: &str) -> &str {
    s.trim_start().trim_start_matches('*').trim_start()
}

/// `s.to_lowercase()`, without the Unicode tables for ASCII, Latin-1, the letters Vietnamese
/// writes and punctuation ([`small_letter`]); a text with any other character is left to
/// `to_lowercase`.
fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match small_letter(c) {
            Some(l) => out.push(l),
            None => return s.to_lowercase(),
        }
    }
    out
}

/// The characters of `c` lower-cased: [`small_letter`], else the Unicode tables.
enum Lowered {
    Small(Option<char>),
    Table(std::char::ToLowercase),
}

impl Iterator for Lowered {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Lowered::Small(c) => c.take(),
            Lowered::Table(t) => t.next(),
        }
    }
}

fn lowered(c: char) -> Lowered {
    match small_letter(c) {
        Some(l) => Lowered::Small(Some(l)),
        None => Lowered::Table(c.to_lowercase()),
    }
}

/// When `s` lower-cased starts with `lower`, the character that follows it there (`None` at
/// the end), without building the lower-case copy.
fn after_lower_prefix(s: &str, lower: &str) -> Option<Option<char>> {
    let mut folded = s.chars().flat_map(lowered);
    lower
        .chars()
        .all(|c| folded.next() == Some(c))
        .then(|| folded.next())
}

/// Whether `s` lower-cased is `lower`, without building the lower-case copy.
fn lower_eq(s: &str, lower: &str) -> bool {
    let mut folded = s.chars().flat_map(lowered);
    lower.chars().all(|c| folded.next() == Some(c)) && folded.next().is_none()
}

/// "Điều 3. Tổ chức thực hiện" → "Tổ chức thực hiện" (also "**Điều 2. **…").
fn article_title(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("Điều")?.trim_start_matches(['*', ' ']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let title = rest[digits..].trim_start_matches(['.', ':', '*', ' ']);
    // A title, not the article's text: "Điều 3. Chánh Văn phòng … chịu trách nhiệm thi hành
    // Quyết định này./." is a sentence.
    let sentence = title
        .trim_end_matches(['*', ' '])
        .ends_with(['.', ';', '/'])
        || title.chars().count() > 120;
    (!sentence).then_some(title)
}

/// What an article's heading says of the clauses under it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Article {
    /// No title ("Điều 5."), or the article is a sentence ("Điều 3. Chánh Văn phòng …").
    Untitled,
    /// A title on carrying the document out: "Tổ chức thực hiện", "Trách nhiệm thi hành",
    /// "Hiệu lực thi hành".
    Carries,
    /// Any other title ("Phạm vi điều chỉnh"): its clauses state rules.
    Other,
}

/// "Điều 3. Tổ chức thực hiện" → `Carries`; "**Điều 3. **Chánh Văn phòng … Quyết định này./."
/// → `Untitled` and the article's sentence; "### Điều 5." → `Untitled` and "". Not a citation
/// ("Điều 3 của Luật …").
fn article_head(line: &str) -> Option<(Article, &str)> {
    let s = line.trim_start_matches(['*', '#', ' ', '_']);
    let rest = s.strip_prefix("Điều")?;
    let rest = rest.trim_start_matches(['*', ' ']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let after = rest[digits..].trim_start_matches(['*', ' ']);
    if !(after.is_empty() || after.starts_with(['.', ':'])) {
        return None;
    }
    let text = after.trim_start_matches(['.', ':', '*', ' ']);
    let title = text.trim_end_matches(['*', ' ']);
    // A decision or resolution has a few articles without titles, the last ones assigning
    // the work; a charter's "Điều 17." of dozens (dev/d001) states rules.
    let untitled = if rest[..digits].parse::<u32>().is_ok_and(|n| n <= 10) {
        Article::Untitled
    } else {
        Article::Other
    };
    if title.is_empty() {
        return Some((untitled, ""));
    }
    if title.ends_with(['.', ';', '/']) || title.chars().count() > 120 {
        return Some((untitled, text));
    }
    let carries = CARRYING_TITLES
        .iter()
        .any(|t| after_lower_prefix(title, t).is_some());
    Some((
        if carries {
            Article::Carries
        } else {
            Article::Other
        },
        "",
    ))
}

/// The titles of the articles that carry a document out, lower case: "Điều 3. Tổ chức thực
/// hiện" (dev/d060, d061), "Điều 4. Trách nhiệm thi hành" (dev/d044), "Điều 3. Hiệu lực và
/// trách nhiệm thi hành" (dev/d059).
const CARRYING_TITLES: &[&str] = &[
    "tổ chức thực hiện",
    "tổ chức thi hành",
    "trách nhiệm thi hành",
    "trách nhiệm thực hiện",
    "hiệu lực",
    "điều khoản thi hành",
    "thi hành",
];

/// The sentences of a clause of an article that carries the document out which assign a duty
/// ([`duty`]), pushed as tasks. Whether any was.
fn duties(out: &mut Vec<ActionItem>, text: &str, kind: Article) -> bool {
    let end = text.trim_end().trim_end_matches('*');
    if !end.ends_with(['.', ';', '/', '”', '"', '…']) {
        // "1. Cục Đăng kiểm Việt Nam có trách nhiệm:" introduces its points; "Chi cục Hải
        // quan quản lý" heads a column of a table (dev/d009).
        return false;
    }
    let mut any = false;
    for r in sentences(text) {
        let sentence = &text[r];
        if let Some((who, task)) = colon_item(sentence) {
            // "Điều 3. Trung tâm Phục vụ hành chính công tỉnh: hướng dẫn …" (composed state_13).
            push(out, task, who);
            any = true;
        } else if let Some(who) = duty(sentence, kind == Article::Carries) {
            push(out, sentence, who);
            any = true;
        }
    }
    any
}

/// Words that follow a body's name without saying what it must do: "Đại học Công nghiệp Hà
/// Nội là …", "Bộ … chịu trách nhiệm về nội dung …" (dev/d002), "Quyết định này có hiệu lực …".
const NOT_DUTY: &[&str] = &[
    "là", "được", "đã", "đang", "không", "chưa", "thuộc", "gồm", "bao", "nếu", "khi", "vì", "do",
    "bị", "của", "về", "tại", "cho", "với", "trong", "từ", "đến", "và", "hoặc", "này", "đó", "như",
    "mà", "thì", "ở", "trên", "dưới", "sau", "trước", "sẽ", "có", "chịu", "theo",
];

/// Who a clause of an implementing article assigns a duty to: a body followed by its verb
/// ("Sở Xây dựng chủ trì …", "Bộ Giáo dục và Đào tạo, … theo chức năng, nhiệm vụ, thẩm quyền
/// hướng dẫn …", "Kiểm toán nhà nước, trong phạm vi nhiệm vụ, quyền hạn của mình, kiểm toán
/// …"), or the words before "có trách nhiệm" / "chịu trách nhiệm" ("Đơn vị cung cấp dịch vụ
/// đăng kiểm có trách nhiệm kê khai …", dev/d044); with `must`, also an obligation "… phải …"
/// ("Khi tổ chức làm thêm giờ …, người sử dụng lao động phải thông báo …", dev/d060).
fn duty(sentence: &str, must: bool) -> Option<Vec<String>> {
    let s = sentence.trim().trim_start_matches(['*', ' ']);
    if !s.starts_with(char::is_uppercase) {
        return None;
    }
    if let Some(end) = subject_end(s) {
        let comma = s[end..].starts_with(',');
        let rest = s[end..].trim_start_matches([',', ' ']);
        let scope = SCOPES.iter().any(|p| rest.starts_with(p));
        // After a comma only a scope goes on with the body: "Thanh tra, kiểm tra việc thực
        // hiện …" (dev/d053) is a topic.
        if !s[end..].starts_with(':') && (scope || (!comma && takes_duty(rest))) {
            return Some(split_bodies(&s[..end]));
        }
    }
    let anchor = [
        (phrase!(" có trách nhiệm "), " có trách nhiệm ".len()),
        (phrase!(" chịu trách nhiệm "), " chịu trách nhiệm ".len()),
        (phrase!(" có nhiệm vụ "), " có nhiệm vụ ".len()),
    ]
    .iter()
    .filter_map(|(a, len)| a.find(s.as_bytes()).map(|i| (i, i + len)))
    .min();
    if let Some((at, after)) = anchor {
        if !["về ", "trước "].iter().any(|w| s[after..].starts_with(w)) {
            return agent(&s[..at]);
        }
    }
    if must {
        if let Some(at) = phrase!(" phải ").find(s.as_bytes()) {
            // A short name only: "Các loại tài sản cố định khi mua về kế toán phải lập …"
            // (dev/d055) names no one.
            let who = agent(&s[..at])
                .filter(|b| b.len() == 1 && b[0].split(' ').count() <= 5)
                .unwrap_or_default();
            return Some(who);
        }
    }
    None
}

/// The phrases between a body's name and its verb: "… theo chức năng, nhiệm vụ, thẩm quyền
/// hướng dẫn …" (dev/d002), "…, trong phạm vi nhiệm vụ, quyền hạn của mình, …" (dev/d068),
/// "…, căn cứ vào hệ thống …, tiến hành …" (dev/d049), "…, trên cơ sở đề xuất …, chủ trì …"
/// (dev/d032).
const SCOPES: &[&str] = &[
    "trong phạm vi",
    "theo chức năng",
    "theo thẩm quyền",
    "theo nhiệm vụ",
    "căn cứ",
    "trên cơ sở",
];

/// Whether the words after a body's name say what it must do: a verb, "có trách nhiệm",
/// "chịu trách nhiệm" (not "… về"), "theo dõi".
fn takes_duty(rest: &str) -> bool {
    let Some(word) = rest.split([' ', ',']).next() else {
        return false;
    };
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    let after = rest[word.len()..].trim_start();
    match word {
        "có" => after.starts_with("trách nhiệm ") || after.starts_with("nhiệm vụ "),
        "chịu" => {
            after.starts_with("trách nhiệm ")
                && !["về ", "trước "]
                    .iter()
                    .any(|w| after["trách nhiệm ".len()..].starts_with(w))
        }
        "theo" => after.starts_with("dõi"),
        w => !NOT_DUTY.contains(&w),
    }
}

/// The bodies named before a duty: the words after a leading condition ("Khi …, người sử dụng
/// lao động"), none for "Việc thực hiện …" (an act, not who acts).
fn agent(before: &str) -> Option<Vec<String>> {
    let mut who = before.trim().trim_end_matches(',').trim();
    let condition = [
        "Khi ",
        "Trường hợp ",
        "Trong ",
        "Trên cơ sở ",
        "Căn cứ ",
        "Định kỳ ",
    ]
    .iter()
    .any(|w| who.starts_with(w));
    if condition {
        who = who.rsplit_once(", ").map(|(_, w)| w)?;
    }
    if let Some((body, _)) = who.split_once(" là ") {
        // "Sở Nội vụ là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm …" (composed
        // state_02).
        who = body;
    }
    let lower_start = who.starts_with(char::is_lowercase);
    // Who acts is a body ("Đơn vị cung cấp dịch vụ …") or a person ("Người sử dụng lao
    // động"): "Phê bình, chất vấn … với các cơ quan có trách nhiệm" (dev/d001) is a right.
    let named = cue_at(who, Cue::BodyHead).is_some()
        || who.starts_with("Người ")
        || who.starts_with("người ");
    if !named
        || who.is_empty()
        || who.starts_with("Việc ")
        || who.starts_with("việc ")
        || who.len() > 300
        || who.contains(". ")
        || (lower_start && !condition && !who.starts_with("các "))
    {
        return None;
    }
    let bodies = split_bodies(&drop_brackets(who));
    (!bodies.is_empty()).then_some(bodies)
}

/// "Trên đây là Kế hoạch …": the paragraph that closes a plan (dev/d035, d036).
fn closing(line: &str) -> bool {
    line.trim_start()
        .trim_start_matches('*')
        .starts_with("Trên đây")
}

/// A line that starts with a dash or plus bullet ("- …", "+ …").
fn bullet(raw: &str) -> bool {
    raw.trim_start_matches(['*', ' '])
        .starts_with(['-', '+', '•', '–'])
}

/// A marker of digits: "1.", "**2. **" (not "a)", "-", "2.3.").
fn numbered(raw: &str, marker_len: usize) -> bool {
    let m = raw[..marker_len].trim_matches(|c: char| c.is_whitespace() || c == '*');
    m.len() > 1 && m.ends_with('.') && m[..m.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// A field line under a task of a plan's table of tasks.
enum TaskField {
    /// "Đơn vị chủ trì: …", "Đơn vị phối hợp: …": who does it.
    Who(Vec<String>),
    /// "Thời gian thực hiện: Tháng 12/2025": when (none for "Thường xuyên").
    When(Option<PartialDate>),
    /// "a) Nhiệm vụ: Tham mưu UBND Thành phố …" (dev/d031): the task itself.
    Task(usize),
    /// "b) Cơ quan thực hiện:" with the fields below it.
    Label,
}

/// The labels of the field lines of a plan's task list (dev/d033: "Đơn vị chủ trì thực hiện:
/// …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …"; composed state_01: "Đơn vị chủ trì:
/// …"), lower case, and whether the value names bodies (else a time).
const FIELD_LABELS: &[(&str, bool)] = &[
    ("nhiệm vụ", false),
    ("đơn vị chủ trì", true),
    ("cơ quan chủ trì", true),
    ("chủ trì", true),
    ("đơn vị phối hợp", true),
    ("cơ quan phối hợp", true),
    ("phối hợp", true),
    ("đơn vị thực hiện", true),
    ("cơ quan thực hiện", true),
    ("thời gian", false),
    ("thời hạn", false),
];

/// "Đơn vị chủ trì thực hiện: Các Sở, ngành …" → the bodies; "Thời gian: …" → the date.
fn task_field(line: &str) -> Option<TaskField> {
    // Cheap test first: a colon near the start (only the first 61 bytes are searched).
    let colon = memchr::memchr(b':', &line.as_bytes()[..line.len().min(61)])?;
    let label = line[..colon].trim().trim_matches('*').trim();
    let first = label.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // Cheap test before lower-casing: the labels begin with "c", "đ", "n", "p" or "t".
    if !matches!(first, 'C' | 'Đ' | 'N' | 'P' | 'T') {
        return None;
    }
    let text = label;
    let &(label, who) = FIELD_LABELS.iter().find(|(l, _)| {
        after_lower_prefix(text, l).is_some_and(|next| matches!(next, None | Some(' ')))
    })?;
    let value = clean(&line[colon + 1..]);
    if value.trim_matches(['*', ' ']).is_empty() {
        return Some(TaskField::Label);
    }
    if label == "nhiệm vụ" {
        // Only the label alone: "Nhiệm vụ trọng tâm: …" introduces a list.
        let start = colon
            + 1
            + (line[colon + 1..].len() - line[colon + 1..].trim_start_matches(['*', ' ']).len());
        return (lower_eq(text, label) && line[start..].starts_with(char::is_uppercase))
            .then_some(TaskField::Task(start));
    }
    if who {
        let value = value.trim_start_matches(['*', ' ']);
        if !value.starts_with(char::is_uppercase) || cue_at(value, Cue::BodyHead).is_none() {
            return None;
        }
        let bodies = split_bodies(&drop_brackets(value));
        (!bodies.is_empty()).then_some(TaskField::Who(bodies))
    } else {
        Some(TaskField::When(find_date(&value, |_| true).map(|d| d.date)))
    }
}

/// Lines joined into paragraphs where a line was wrapped ("Thực hiện Nghị quyết số\n214/NQ-CP
/// ngày …", dev/d031): a line that does not end a sentence goes on with the next one unless
/// that one starts a list item. A blank line always ends a paragraph.
fn paragraphs(body: &str) -> Vec<Cow<'_, str>> {
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    let mut open = false;
    // The previous line ended a sentence (";" and "," do not: "…02 cấp;\nthường xuyên …").
    let mut ended = true;
    let mut prev = "";
    for line in crate::segment::lines(body) {
        let t = line.trim_end();
        // Trimmed at the end, a line of spaces is empty.
        if t.is_empty() {
            open = false;
            ended = true;
            out.push(Cow::Borrowed(""));
            continue;
        }
        // A wrapped line goes on: the next line starts with a lower-case letter or a digit, or
        // the line is long (page dumps wrap near 80 characters). A short line that ends
        // without punctuation is a heading: "8. Đề nghị Sở …" / "Hỗ trợ …" stay apart
        // (seeds/000; the segmenter drops blank lines).
        let next_lower = t
            .trim_start()
            .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
        // Only an open line's length matters: it is counted then.
        let wrapped = || wraps_by_length(prev);
        // A comma never ends a paragraph: "1. Trách nhiệm của Sở Văn hóa," / "Thể thao và Du
        // lịch" (dev/d003).
        let comma = prev.ends_with(',');
        // A bold run goes on to the line that closes it, even after "**Điều 4.".
        let bold = || bold_open(prev) && (open || t.contains("**"));
        let goes_on = (next_lower && !ended)
            || (open && (wrapped() || comma || name_wraps(prev, t)))
            || bold();
        // "**Điều" / "14. Trách nhiệm của …**" (dev/d011): the article's number is no list item.
        let article_number = trim_stars_and_spaces(prev) == "Điều".as_bytes();
        let goes_on = goes_on || (article_number && next_lower);
        let starts_item = goes_on && !article_number && !t[..marker_len(t)].trim().is_empty();
        match out.last_mut() {
            Some(last) if goes_on && !starts_item => {
                let next = t.trim_start();
                if let Cow::Borrowed(first) = *last {
                    // Room for a few more lines: a wrapped paragraph goes on for several.
                    let mut joined = String::with_capacity(2 * (first.len() + next.len()) + 1);
                    joined.push_str(first);
                    *last = Cow::Owned(joined);
                }
                let joined = last.to_mut();
                joined.push(' ');
                joined.push_str(next);
            }
            _ => out.push(Cow::Borrowed(t)),
        }
        open = !t.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', ')']);
        ended = t.ends_with(['.', '!', '?']);
        prev = t;
    }
    out
}

/// `s.trim_matches(['*', ' '])`, read as bytes (both are ASCII).
fn trim_stars_and_spaces(s: &str) -> &[u8] {
    let b = s.as_bytes();
    let kept = |c: &u8| *c != b'*' && *c != b' ';
    let start = b.iter().position(kept).unwrap_or(b.len());
    let end = b.iter().rposition(kept).map_or(start, |e| e + 1);
    &b[start..end]
}

/// Whether a line break falls inside a name: the line ends with a function word ("… các tỉnh,
/// thành phố từ" / "Hà Tĩnh đến Khánh Hòa:", dev/d039), or a capitalised word and the next
/// line goes on with a capitalised word followed by a comma or another capital ("… Đài Tiếng
/// nói Việt" / "Nam, Thông tấn xã …", dev/d039; "… Ban Quản lý Khu kinh tế" / "Đông Nam, Sở
/// …", dev/d036). A heading closed by markdown ("**1. Sở Y tế**") and a heading followed by its
/// task ("8. Đề nghị Sở Thông tin và Truyền thông" / "Hỗ trợ cán bộ …", seeds/000) stay apart.
fn name_wraps(prev: &str, next: &str) -> bool {
    let next = next.trim_start();
    if prev.ends_with('*') || !next.starts_with(char::is_uppercase) {
        return false;
    }
    if prev.ends_with(" đề nghị") || prev.ends_with(" yêu cầu") {
        // A request verb in mid-sentence goes on with who is asked: "1. Về thủ tục hải quan:
        // đề nghị" / "Công ty nghiên cứu …" (dev/d028).
        return true;
    }
    if prev.ends_with(" Thủ tướng") && next.starts_with("Chính phủ") {
        // "… thừa ủy quyền Thủ tướng" / "Chính phủ, thay mặt …" (dev/d027).
        return true;
    }
    if article_title(next).is_some() || next.starts_with("Chương ") {
        // "… cho CC" / "Điều 26 : Đối với Văn phòng" (dev/d055): a new article.
        return false;
    }
    let Some(last) = prev.rsplit(|c: char| !c.is_alphanumeric()).next() else {
        return false;
    };
    if last.is_empty() || !prev.ends_with(last) {
        return false;
    }
    // Running text on both sides: header blocks and headings in capitals stay apart ("III. TỔ
    // CHỨC THỰC HIỆN" / "Các sở, ban, ngành …", composed state_01).
    if !prev.chars().any(char::is_lowercase) || !next.chars().any(char::is_lowercase) {
        return false;
    }
    let lower = lowercase(last);
    if is_cue(&lower, Cue::Level) && !is_capitalised(last) {
        // "… làm việc với UBND tỉnh" / "Đồng Nai, ACV để …" (dev/d029): a place name (two
        // capitalised syllables) follows; "… Việt Nam thành phố" / "Phối hợp với …" (dev/d035)
        // is a heading and its task.
        let mut words = next.split_whitespace();
        return words.next().is_some_and(is_capitalised)
            && words.next().is_some_and(is_capitalised);
    }
    if !is_capitalised(last) || is_cue(&lower, Cue::Stop) {
        if matches!(last, "phòng" | "đốc" | "tịch" | "trưởng")
            && ends_with_head_title(prev)
            && cue_at(next, Cue::BodyHead).is_some()
        {
            // The title of a body's head ends the line and the body opens the next: "**Điều
            // 3. **Chánh Văn phòng" / "Ủy ban nhân dân tỉnh; …" (dev/d019), "- Tham mưu đề
            // xuất Chủ tịch" / "UBND tỉnh …" (dev/d034).
            return true;
        }
        // "… thành phố từ" / "Hà Tĩnh …"; "Thời gian thực hiện: Theo" / "Kế hoạch …" (dev/d033).
        return is_cue(&lower, Cue::Stop) || last == "và";
    }
    // A body word or an abbreviation never ends a sentence: "Đơn vị phối hợp: Sở" / "Tư pháp"
    // (dev/d033), "Nhiệm vụ: Tham mưu UBND" / "Thành phố phối hợp …" (dev/d031).
    let abbreviation = last.chars().count() >= 2 && last.chars().all(|c| !c.is_lowercase());
    if abbreviation || is_cue(&lower, Cue::BodyHead) {
        return true;
    }
    let Some(e) = word_end(next, 0) else {
        return false;
    };
    let after = &next[e..];
    after.starts_with([',', ':'])
        || after
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// Whether a line ends with the title of a body's head, which the body's name must follow:
/// "… Chánh Văn phòng", "… Giám đốc", "… Chủ tịch", "… Thủ trưởng".
fn ends_with_head_title(prev: &str) -> bool {
    ["Văn phòng", "Giám đốc", "Chủ tịch", "Thủ trưởng"]
        .iter()
        .any(|t| {
            prev.strip_suffix(t)
                .is_some_and(|before| !before.ends_with(char::is_alphanumeric))
        })
}

/// Whether a line opens a bold run that it does not close: "**Điều 4." / "Trách nhiệm thi
/// hành**" (dev/d044), "**II. NỘI" / "DUNG KẾ HOẠCH**" (dev/d032) are one heading wrapped by a
/// page dump.
fn bold_open(prev: &str) -> bool {
    let t = prev.trim_start();
    t.starts_with("**") && t.len() > 2 && t.matches("**").count() % 2 == 1
}

/// Whether `line` is as long as a wrapped line ([`WRAPPED_LINE`]..=[`WRAPPED_LINE_MAX`]
/// characters). A line of fewer bytes than the lower bound, or of more than four bytes a
/// character over the upper one, is not counted.
fn wraps_by_length(line: &str) -> bool {
    (WRAPPED_LINE..=4 * WRAPPED_LINE_MAX).contains(&line.len())
        && (WRAPPED_LINE..=WRAPPED_LINE_MAX).contains(&line.chars().count())
}

/// A line this long (characters) that ends mid-sentence was wrapped, not ended: page dumps
/// wrap near 80 characters; a longer line without a full stop is a caption (seeds/003).
const WRAPPED_LINE: usize = 55;
const WRAPPED_LINE_MAX: usize = 90;

enum DirectiveLine<'a> {
    /// "2. Sở Nông nghiệp và Môi trường" or "1. Sở Tài chính: chủ trì …": who, and a task.
    Heading(Vec<String>, &'a str),
    /// A line under a heading: "- Thực hiện đầy đủ trách nhiệm …".
    Task,
    /// A heading of another kind ("II. TỔ CHỨC THỰC HIỆN", "Điều 2."): the list is over.
    End,
}

/// What a line of a directive list is. `raw` has the list marker, `line` not.
fn directive_line<'a>(raw: &str, line: &'a str) -> DirectiveLine<'a> {
    let marker =
        raw[..raw.len() - line.len()].trim_matches(|c: char| c.is_whitespace() || c == '*');
    let numbered = marker.ends_with('.')
        && marker
            .trim_end_matches('.')
            .bytes()
            .all(|b| b.is_ascii_digit())
        && !marker.is_empty();
    let roman = marker.ends_with('.')
        && marker
            .trim_end_matches('.')
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X'))
        && marker.len() > 1;
    if roman || line.starts_with("Điều ") || !line.chars().any(char::is_lowercase) {
        return DirectiveLine::End;
    }
    if !numbered || marker.contains("..") || marker.trim_end_matches('.').contains('.') {
        return DirectiveLine::Task;
    }
    let line = line.trim().trim_matches('*').trim();
    if let Some((bodies, task)) = colon_item(line) {
        return DirectiveLine::Heading(bodies, task);
    }
    let who = line.trim_end_matches(':').trim();
    // "1. Cục Đăng kiểm Việt Nam có trách nhiệm:" (dev/d044): the body, not its duty.
    let who = [" có trách nhiệm", " chịu trách nhiệm", " có nhiệm vụ"]
        .iter()
        .find_map(|d| who.strip_suffix(d))
        .unwrap_or(who);
    // "8. Tổ chức hội nghị, hội thảo …" is a topic: "Tổ" names a body only before a name.
    let starts_body = cue_at(who, Cue::BodyHead).is_some()
        && who.starts_with(char::is_uppercase)
        && Subject::of(who).is_some();
    if !starts_body || who.len() > 200 || who.ends_with(['.', ';']) || who.contains(": ") {
        return DirectiveLine::End;
    }
    let assignees = split_bodies(&drop_brackets(who));
    if assignees.is_empty() {
        return DirectiveLine::End;
    }
    DirectiveLine::Heading(assignees, "")
}

/// Whether the next line is a numbered heading naming who acts ("1. Chủ tịch Ủy ban nhân dân
/// các tỉnh …:", dev/d039): the request before it is said again by the items under it.
fn heading_follows(lines: &[&str], n: usize) -> bool {
    let Some(next) = lines.iter().skip(n + 1).find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let marker = marker_len(next);
    matches!(
        directive_line(next, &next[marker..]),
        DirectiveLine::Heading(_, "")
    )
}

/// `s` without a bracketed remark: "Sở Nông nghiệp … (cơ quan thường trực …)" → "Sở Nông
/// nghiệp …".
fn drop_brackets(s: &str) -> Cow<'_, str> {
    match (s.find('('), s.rfind(')')) {
        (Some(a), Some(b)) if b > a => {
            Cow::Owned(collapse(&format!("{} {}", &s[..a], &s[b + 1..])))
        }
        _ => Cow::Borrowed(s),
    }
}

fn push(out: &mut Vec<ActionItem>, text: &str, assignees: Vec<String>) {
    let mut text = clean(text);
    let lead = text.len() - text.trim_start_matches([',', ';', ':', ' ']).len();
    text.drain(..lead);
    if text.is_empty()
        || out
            .iter()
            .any(|a| a.text == text && a.assignees == assignees)
    {
        return;
    }
    let deadline = deadline(&text);
    out.push(ActionItem {
        text,
        assignees,
        deadline,
    });
}

/// Task text: markdown emphasis removed, whitespace collapsed, trailing punctuation removed.
fn clean(s: &str) -> String {
    let s = if s.contains('*') {
        Cow::Owned(collapse(&s.replace('*', "")))
    } else {
        collapsed(s)
    };
    let head = s.trim_end_matches(['.', ',', ';', ':', ' ', '…', '/']);
    let start = head.len() - head.trim_start().len();
    let end = start + head.trim().len();
    match s {
        // Cut in place: no second copy.
        Cow::Owned(mut owned) => {
            owned.truncate(end);
            owned.drain(..start);
            owned
        }
        Cow::Borrowed(b) => b[start..end].to_string(),
    }
}

/// The next non-empty line after `n`, without its list marker, unless it is itself a list item
/// of another kind ("- …" after a heading that asked nothing).
fn next_line<'a>(lines: &[&'a str], n: usize) -> Option<&'a str> {
    let next = lines.iter().skip(n + 1).find(|l| !l.trim().is_empty())?;
    let marker = marker_len(next);
    let text = &next[marker..];
    text.starts_with(char::is_uppercase).then_some(text)
}

/// The list right after line `n`: consecutive items with a bullet or a letter ("- …", "+ …",
/// "a) …"), each a sentence starting with a capital, with their line indexes. Stops at the
/// first line of another kind.
fn listed_items<'a>(lines: &[&'a str], n: usize) -> Vec<(usize, &'a str)> {
    let mut items = Vec::new();
    let mut kind: Option<bool> = None;
    for (k, line) in lines.iter().enumerate().skip(n + 1) {
        if line.trim().is_empty() {
            continue;
        }
        let marker = marker_len(line);
        let head = line[..marker].trim().trim_matches('*');
        let is_bullet = bullet(line);
        let is_letter = head.len() <= 3
            && head.ends_with([')', '.'])
            && head.chars().next().is_some_and(|c| c.is_lowercase());
        if marker == 0 || !(is_bullet || is_letter) || kind.is_some_and(|b| b != is_bullet) {
            break;
        }
        let text = &line[marker..];
        if !text.trim_start().starts_with(char::is_uppercase) {
            break;
        }
        kind = Some(is_bullet);
        items.push((k, text));
    }
    items
}

/// Whether a sentence only announces the list after it: it ends with "… (các|một số) nội dung
/// (như) sau:" or "… sau đây:" ("… thực hiện tốt các nhiệm vụ sau:", composed party_07).
fn announces_list(sentence: &str) -> bool {
    let Some(head) = sentence.trim_end_matches(['*', ' ']).strip_suffix(':') else {
        return false;
    };
    let head = head.trim_end_matches(['*', ' ']);
    let head = head.strip_suffix(" đây").unwrap_or(head);
    head.strip_suffix("sau").is_some_and(|h| h.ends_with(' '))
}

/// Whether a request is an invitation ("Mời Thường trực … chuẩn bị …", seeds/000).
fn invites(from_verb: &str) -> bool {
    let s = from_verb.trim_start();
    s.starts_with("Mời ") || s.starts_with("mời ")
}

/// "Một là, Bám sát …" → "Bám sát …".
fn ordinal_item(line: &str) -> Option<&str> {
    // Cheap tests first: a capital, and a "là" somewhere.
    if !line.starts_with(char::is_uppercase) || phrase!("là").find(line.as_bytes()).is_none() {
        return None;
    }
    let n = cue_at(line, Cue::Ordinal)?;
    let rest = line[n..].trim_start();
    let rest = rest.strip_prefix("là")?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix([',', ':'])?;
    Some(rest.trim_start())
}

/// The sentences of a line: byte ranges, split after ". ", "! ", "? " before a capital, and
/// not after an abbreviation ("TP. Hồ Chí Minh").
fn sentences(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut from = 0;
    // Jump from one ".", "!" or "?" to the next.
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]) {
        let i = from + k;
        let after = skip_spaces(line, i + 1);
        let split = line[after..].starts_with(char::is_uppercase) && {
            let word_before = line[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if after > i + 1 {
                let abbreviation = word_before.chars().count() <= 3
                    && is_capitalised(word_before)
                    && word_before.chars().all(|c| c.is_uppercase());
                !abbreviation
            } else {
                glued(word_before)
            }
        };
        if split {
            out.push(start..i + 1);
            start = after;
            from = after;
        } else {
            from = i + 1;
        }
    }
    if start < line.len() && !line[start..].trim().is_empty() {
        out.push(start..line.len());
    }
    out
}

/// Whether a full stop right before a capital, without a space, still ends a sentence: after
/// a year or a word in lower case ("… trong năm 2023.Giao Chính phủ …", dev/d097), not after
/// an abbreviation ("TP.Hồ Chí Minh", "Tp.Huế").
fn glued(word_before: &str) -> bool {
    let year = word_before.len() == 4 && word_before.bytes().all(|b| b.is_ascii_digit());
    let lower = word_before.chars().count() >= 3 && word_before.chars().all(char::is_lowercase);
    year || lower
}

/// A request found in a sentence.
struct Request<'a> {
    /// Who must act ("Sở Thông tin và Truyền thông"); empty after "yêu cầu:".
    assignees: Vec<String>,
    /// The sentence from the request verb on: "đề nghị Ban Tuyên giáo Tỉnh ủy tăng cường …".
    from_verb: &'a str,
    /// What follows the assignees (or the colon): the task alone.
    task: &'a str,
    /// The verb was followed by a colon: the tasks follow.
    colon: bool,
    /// The verb stood in mid-sentence ("… Triệu Đình Lê đề nghị …").
    mid: bool,
}

/// A request in `sentence`. At the start of the sentence any request verb counts; in
/// mid-sentence only "đề nghị"/"yêu cầu" followed by a body or by a colon.
fn request(sentence: &str) -> Option<Request<'_>> {
    let s = sentence.trim_start();
    if let Some(n) = cue_at(s, Cue::Request) {
        if s.starts_with(char::is_uppercase) {
            return after_verb(s, n, false);
        }
    }
    // Mid-sentence: "… Triệu Đình Lê đề nghị Ban Tuyên giáo Tỉnh ủy tăng cường …". The
    // lower-case tails "ề nghị", "êu cầu" are shared by both spellings of each verb.
    let bytes = s.as_bytes();
    if phrase!("ề nghị").find(bytes).is_none() && phrase!("êu cầu").find(bytes).is_none() {
        return None;
    }
    mid_verb_starts(s)
        .filter(|&i| {
            // "Theo đề nghị Trưởng ban …", "Xét đề nghị …": the preamble cites a request.
            let before = s[..i].trim_end();
            i > 0
                && !before.ends_with('(')
                && !["theo", "Theo", "Xét", "xét"]
                    .iter()
                    .any(|w| before.ends_with(w) && word_begins(before, before.len() - w.len()))
        })
        .find_map(|i| {
            let n = cue_at(&s[i..], Cue::Request)?;
            after_verb(&s[i..], n, true)
        })
}

/// Where a word "đề", "Đề", "yêu" or "Yêu" begins in `s`, in order: the words that
/// [`word_end`] steps through from the start of `s`, found by jumping to their first bytes
/// (đ and Đ open with C4, then "y" or "Y") instead of reading every word on the way.
fn mid_verb_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = s.as_bytes();
    memchr::memchr3_iter(0xc4, b'y', b'Y', bytes).filter(move |&i| {
        let rest = &s[i..];
        let Some(w) = ["đề", "Đề", "yêu", "Yêu"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        else {
            return false;
        };
        word_begins(s, i) && word_end(s, i) == Some(i + w.len())
    })
}

/// Whether a word of [`word_end`] begins at `i` (a character boundary, before a letter or
/// digit): the character before is no letter or digit, nor a "&" that joins this word to the
/// one before ("NN&PTNT").
fn word_begins(s: &str, i: usize) -> bool {
    let mut before = s[..i].chars().rev();
    match before.next() {
        None => true,
        Some('&') => !before.next().is_some_and(crate::dict::is_alnum),
        Some(c) => !crate::dict::is_alnum(c),
    }
}

/// After the request verb (`n` bytes into `s`): "X task" or ": tasks".
fn after_verb(s: &str, n: usize, mid: bool) -> Option<Request<'_>> {
    let rest = &s[n..];
    let trimmed = rest.trim_start();
    if let Some(tasks) = trimmed.strip_prefix(':') {
        return Some(Request {
            assignees: Vec::new(),
            from_verb: s,
            task: tasks.trim_start(),
            colon: true,
            mid,
        });
    }
    if rest.len() == trimmed.len() {
        return None;
    }
    let (assignees, end) = assignee_span(trimmed);
    if assignees.is_empty() {
        // "Đề nghị cần …", "Yêu cầu" as a heading, "yêu cầu của Bộ": nobody is asked.
        return None;
    }
    let task = trimmed[end..].trim_start();
    let colon = task.starts_with(':');
    Some(Request {
        assignees,
        from_verb: s,
        task: task.trim_start_matches(':').trim_start(),
        colon,
        mid,
    })
}

/// "(đề nghị cử thêm phóng viên …)" after a body (seeds/000: "Đại diện lãnh đạo Đài PT-TH và
/// Báo Bình Phước (đề nghị …)"): the request inside the brackets, asked of that body.
fn bracketed_request(sentence: &str) -> Option<(Vec<String>, &str)> {
    // Cheap test first: most sentences have no bracket at all.
    memchr::memchr(b'(', sentence.as_bytes())?;
    let open = sentence
        .find("(đề nghị ")
        .or_else(|| sentence.find("(yêu cầu "))?;
    let inner = &sentence[open + 1..];
    let task = inner.split(')').next()?.trim();
    let before = sentence[..open].trim_end();
    // The first body word ("Đài", "Sở", not "Đại diện", "Lãnh đạo") whose name runs up to "(".
    let mut i = 0;
    while i < before.len() {
        let Some(we) = word_end(before, i) else {
            i += before[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let w = &before[i..we];
        let lead = matches!(w, "Đại" | "Lãnh" | "Các" | "Mời");
        if is_capitalised(w) && !lead && cue_at(&before[i..], Cue::BodyHead).is_some() {
            let (bodies, end) = assignee_span(&before[i..]);
            if i + end == before.len() && !bodies.is_empty() {
                return Some((bodies, task));
            }
        }
        i = we;
    }
    None
}

/// A list item "Who: task" (seeds-style plans and directives): the bodies before the colon
/// (a parenthesis dropped: "Sở Nông nghiệp … (cơ quan thường trực …): kiểm tra …") and the
/// task after it. The part before the colon must be bodies and nothing else, so "Đơn vị chủ
/// trì: Sở …" and "Thời gian: …" are no tasks.
fn colon_item(line: &str) -> Option<(Vec<String>, &str)> {
    // A byte search first, over the first 201 bytes only: most lines have no colon there.
    let colon = memchr::memchr(b':', &line.as_bytes()[..line.len().min(201)])
        .filter(|&i| line[i + 1..].starts_with(' '))?;
    let (who, task) = (&line[..colon], &line[colon + 1..]);
    let who = who.trim().trim_matches('*').trim();
    let task = task.trim();
    // The task is said with a verb in lower case ("Sở …: chủ trì …"); "Đại diện …: Biên
    // phòng tỉnh, …" lists who attends (seeds/000).
    if who.len() > 200
        || !task.starts_with(char::is_lowercase)
        || !who.starts_with(char::is_uppercase)
    {
        return None;
    }
    cue_at(who, Cue::BodyHead)?;
    let bare = drop_brackets(who);
    let bare = bare.trim();
    // The bodies are read only when the name is all there is before the colon.
    let end = assignee_end(bare, false);
    (end == bare.len() && end > 0).then(|| (split_bodies(bare), task))
}

/// "Chánh Văn phòng UBND tỉnh, Giám đốc các sở … chịu trách nhiệm thi hành Quyết định này"
/// (the closing article of a decision): those named, and the duty from "chịu trách nhiệm".
fn responsible(sentence: &str) -> Option<(Vec<String>, &str)> {
    // Only the closing formula: "chịu trách nhiệm về nội dung báo cáo" is no task (dev/d002).
    static FORMULA: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" chịu trách nhiệm thi hành "));
    let at = FORMULA.find(sentence.as_bytes())?;
    let mut who = sentence[..at].trim();
    if let Some(rest) = who.strip_prefix("Điều ") {
        // "Điều 3. Chánh Văn phòng …"
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        who = rest[digits..].trim_start_matches(['.', ':']).trim();
    }
    let who = who.trim_start_matches('*').trim();
    if !who.starts_with(char::is_uppercase) || cue_at(who, Cue::BodyHead).is_none() {
        return None;
    }
    let bodies = split_bodies(who);
    (!bodies.is_empty()).then(|| (bodies, sentence[at..].trim()))
}

/// "Đối với các chủ đầu tư cần nhanh chóng …" (dev/d029), "6.3. Đối với Ban tuyên giáo cấp
/// huyện …, Trung tâm chính trị cấp huyện lựa chọn …" (seeds/000): who acts, after "Đối với".
fn addressed(sentence: &str) -> Option<Vec<String>> {
    let rest = sentence.trim_start().strip_prefix("Đối với ")?;
    if rest.starts_with("các trường hợp") || rest.starts_with("trường hợp") {
        return None;
    }
    // A body is named: "Đối với Phụ lục cùng tệp tin …" (dev/d011) and "Đối với Nguyễn Tất
    // Thành, …" (dev/d067) address a case or a person of a report.
    cue_at(rest, Cue::BodyHead)?;
    let (bodies, end) = assignee_span(rest);
    let after = rest[end..].trim_start();
    if bodies.is_empty() || after.is_empty() || after.starts_with([':', ',']) {
        return None;
    }
    // What follows the name says what it must do ("… cần nhanh chóng …", dev/d029), not what
    // it is or did: "Đối với các dự án đang triển khai thi công", "… Bộ Tài chính đã nghiêm túc
    // nghiên cứu …" (dev/d027). A case followed by its task after a colon stays a task ("Đối
    // với các dự án đã được phê duyệt …: Khẩn trương lập …", dev/d024).
    let word = after.split([' ', ',']).next().unwrap_or(after);
    let colon_task = after
        .split_once(": ")
        .is_some_and(|(_, t)| t.starts_with(char::is_uppercase));
    if CASE_WORDS.contains(&word) && !colon_task {
        return None;
    }
    Some(bodies)
}

/// Words after "Đối với X" that describe a case rather than ask X for something.
const CASE_WORDS: &[&str] = &[
    "là", "đã", "đang", "khi", "nếu", "không", "chưa", "sẽ", "thì", "được", "có",
];

/// "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương
/// phản ánh về Văn phòng UBND tỉnh …" (the closing paragraph of a plan or decision, dev/d003,
/// d011, d035): who must report, named after the condition; none in "…, đề nghị phản ánh về Bộ
/// Tài chính" (dev/d050).
fn difficulty(sentence: &str) -> Option<Vec<String>> {
    let s = sentence.trim_start().strip_prefix("Trong quá trình ")?;
    let at = s.find("vướng mắc").or_else(|| s.find("khó khăn"))?;
    if !s[..at].contains("nếu ") {
        return None;
    }
    // The condition ends at a comma ("…, vướng mắc và cần sửa đổi, bổ sung Quy chế này, các
    // cơ quan …", dev/d011) or at "đề nghị" ("… vướng mắc đề nghị các Sở …", dev/d031): the
    // first clause after it that opens with bodies followed by a verb names who acts.
    let tail = &s[at..];
    let clause_starts = std::iter::once(tail.find(' ').unwrap_or(tail.len()))
        .chain(memchr::memchr_iter(b',', tail.as_bytes()).map(|i| i + 1));
    for start in clause_starts {
        let clause = tail[start..].trim_start();
        let clause = clause
            .strip_prefix("đề nghị ")
            .or_else(|| clause.strip_prefix("thì "))
            .unwrap_or(clause);
        let (bodies, end) = assignee_span(clause);
        if !bodies.is_empty() && clause[end..].trim_start().starts_with(char::is_lowercase) {
            return Some(bodies);
        }
    }
    Some(Vec::new())
}

/// Who must act, at the start of `s`: words up to the first verb (a stop word) or punctuation
/// that ends the phrase, split into bodies. Returns the bodies and where the span ends.
fn assignee_span(s: &str) -> (Vec<String>, usize) {
    let end = assignee_end(s, false);
    (split_bodies(&s[..end]), end)
}

/// Where the name of [`assignee_span`] ends in `s` (0 when `s` opens with none), without
/// splitting it into bodies: most callers only ask what follows the name. `head` says that a
/// body word opens `s` (`cue_at(s, Cue::BodyHead)` was read and found one).
///
/// The bodies are empty exactly when this is 0: a name that ends after a word holds a letter.
fn assignee_end(s: &str, head: bool) -> usize {
    let mut end = 0;
    let mut j = 0;
    let mut first = true;
    // The word before, when capitalised: where it starts and whether it is a single capital
    // ("Y" in "Sở Y tế"). Whether it is a body word ("Ban", "Sở") is read only when the word
    // after it could end the name.
    let mut prev_capital: Option<(usize, bool)> = None;
    let mut prev_plural = false;
    // The word before was "và": "các cơ quan, đơn vị và tổ chức, cá nhân có liên quan"
    // (dev/d016) goes on with the list.
    let mut prev_and = false;
    // A plural list has begun ("các cơ quan, tổ chức, cá nhân", dev/d061): after its commas a
    // body word ("tổ chức") goes on with the list.
    let mut in_plural = false;
    loop {
        let k0 = skip_spaces(s, j);
        let c = s[k0..].chars().next();
        let k = match c {
            Some(',' | ';') if !first => skip_spaces(s, k0 + 1),
            // "Đài Phát thanh - Truyền hình Cao Bằng" (seeds/002): a dash between capitals;
            // "các tổ chức chính trị - xã hội tỉnh": the paired term of a name.
            Some('-' | '–') if !first && k0 > j => {
                let n = skip_spaces(s, k0 + c.map_or(1, char::len_utf8));
                match word_end(s, n) {
                    Some(e) if n > k0 + 1 && is_capitalised(&s[n..e]) => n,
                    Some(_)
                        if n > k0 + 1
                            && s[..k0].ends_with("trị ")
                            && s[n..].starts_with("xã hội") =>
                    {
                        n
                    }
                    _ => break,
                }
            }
            Some(c) if c.is_alphanumeric() => k0,
            _ => break,
        };
        let Some(we) = word_end(s, k) else { break };
        let w = &s[k..we];
        // "các", "những", "và" in any case, without lower-casing every word. Their letters and
        // the capitals of those letters have the same byte length: a word of another length
        // is none of them.
        let plural = (w.len() == "các".len() && lower_eq(w, "các"))
            || (w.len() == "những".len() && lower_eq(w, "những"));
        let list_word = plural || (w.len() == "và".len() && lower_eq(w, "và"));
        let capital = is_capitalised(w);
        // A stop word ends the name, except the word after a body word or an initial ("Ban
        // tuyên giáo", "Sở Y tế") and the noun after "các" ("các tổ chức"), which are names
        // even when they spell a verb elsewhere, and a body word that goes on with a plural
        // list. The cheap tests come first.
        let stop = !list_word && !capital && cue_starts(&s[k..], w, Cue::Stop) && {
            let prev_head = || match prev_capital {
                Some((_, true)) => true,
                Some((pk, false)) => (pk == 0 && head) || cue_at(&s[pk..], Cue::BodyHead).is_some(),
                None => false,
            };
            let compound = k == k0 && k > 0 && (prev_plural || prev_head());
            let listed = || {
                in_plural
                    && ((k > k0 && cue_at(&s[k..], Cue::BodyHead).is_some())
                        || (prev_and && s[k..].starts_with(PERSONS_CONCERNED)))
            };
            // "Đài Tiếng nói Việt Nam": the name of the national radio, not a verb.
            // "Ủy ban Mặt trận tổ quốc Việt Nam": "tổ quốc" goes on with the front's name.
            let named = || {
                (w == "nói" && s[..k].ends_with("Đài Tiếng "))
                    || (w == "tổ" && s[..k].ends_with("trận ") && s[we..].starts_with(" quốc"))
            };
            !compound && !listed() && !named()
        };
        if stop {
            // "… đơn vị có liên quan căn cứ …" (dev/d004): "có liên quan" still names them.
            if w == "có" && !first {
                if let Some(e) = s[we..]
                    .strip_prefix(" liên quan")
                    .filter(|r| !r.starts_with(char::is_alphanumeric))
                    .map(|_| we + " liên quan".len())
                {
                    end = e;
                }
            }
            break;
        }
        if first && !capital && !plural && !lower_head(&s[k..]) {
            break;
        }
        first = false;
        prev_capital = capital.then(|| (k, w.chars().count() == 1));
        prev_plural = plural;
        prev_and = list_word && !plural;
        in_plural |= plural;
        end = we;
        j = we;
        if s[we..].starts_with('-') {
            // "CT-XH", "PT-TH": one word.
            if let Some(e2) = word_end(s, we + 1) {
                end = e2;
                j = e2;
            }
        }
    }
    end
}

/// Whether `s` opens with the title of a body's head written in lower case, followed by the
/// body: "đề nghị thủ trưởng các đơn vị phản ảnh …", "người đứng đầu cơ quan …".
fn lower_head(s: &str) -> bool {
    ["thủ trưởng ", "giám đốc ", "chủ tịch ", "người đứng đầu "]
        .iter()
        .any(|h| s.starts_with(h))
}

/// "Ủy ban MTTQ, các đoàn thể CT-XH tỉnh; các sở, ngành và tương đương" → three bodies: split
/// at ";" always, at "," and "và" only where a body's name begins (a capitalised body word or
/// "các").
fn split_bodies(span: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in span.split(';') {
        let mut start = 0;
        let mut i = 0;
        // Jump from one "," or space to the next: a separator opens with one of them.
        while let Some(k) = memchr::memchr2(b',', b' ', &part.as_bytes()[i..]) {
            let at = i + k;
            let rest = &part[at..];
            let sep_len = if rest.starts_with(',') {
                Some(1)
            } else if rest.starts_with(" và ") && and_a_head(&rest[" và ".len()..]) {
                // "Ủy ban MTTQ tỉnh và các tổ chức …" is two; "Đài PT-TH và Báo Bình Phước"
                // is named as one (seeds/000, seeds/002); "Chủ tịch UBND các phường, xã và
                // Thủ trưởng các sở …" is two people (dev/d004).
                Some(" và ".len())
            } else {
                None
            };
            if let Some(len) = sep_len {
                let next = skip_spaces(part, at + len);
                let cap = part[next..].starts_with(char::is_uppercase);
                // "… đơn vị và tổ chức, cá nhân có liên quan" (dev/d016): those concerned are
                // named apart, as "… và các tổ chức, cá nhân có liên quan" is.
                let cac = part[next..].starts_with("các ")
                    || (len > 1 && part[next..].starts_with(PERSONS_CONCERNED));
                if (cap || cac)
                    && cue_at(&part[next..], Cue::BodyHead).is_some()
                    && !heads_of_ministries(&part[start..at], &part[next..])
                {
                    out.push(collapsed(&part[start..at]).into_owned());
                    start = next;
                    i = next;
                    continue;
                }
            }
            // "," and " " are one byte each.
            i = at + 1;
        }
        out.push(collapsed(&part[start..]).into_owned());
    }
    out.retain(|b| !b.is_empty());
    out
}

/// "tổ chức, cá nhân" after "và": the organisations and persons concerned, a body of its own.
const PERSONS_CONCERNED: &str = "tổ chức, cá nhân";

/// Whether what follows " và " begins a new item: "các …", or the title of the head of a
/// body ("… và Thủ trưởng các sở …", "… và Chủ tịch …"), a new person named by office.
fn and_a_head(after: &str) -> bool {
    [
        "các ",
        PERSONS_CONCERNED,
        "Thủ trưởng ",
        "Chủ tịch ",
        "Giám đốc ",
        "Chánh ",
        "Bộ trưởng",
        "Trưởng ",
    ]
    .iter()
    .any(|h| after.starts_with(h))
}

/// "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ" (the closing
/// article of a thông tư or nghị định, dev/d059, d061) names the heads of the central bodies as
/// one: no split between `before` and `after` inside it.
fn heads_of_ministries(before: &str, after: &str) -> bool {
    let before = before.trim();
    let bare = matches!(before, "Bộ trưởng" | "Các Bộ trưởng" | "các Bộ trưởng");
    (bare || before.ends_with("cơ quan ngang Bộ")) && after.starts_with("Thủ trưởng cơ quan")
}

/// A sentence's subject when it names a body ("Các thành viên Tiểu ban xây dựng …").
fn subject(sentence: &str) -> Vec<String> {
    Subject::of(sentence).map_or_else(Vec::new, |who| who.bodies())
}

/// The body that opens a sentence ([`subject`]), read up to where its name ends. The name is
/// split into bodies only when they are asked for: most rules first ask what follows it.
struct Subject<'a> {
    /// The sentence, trimmed at the start.
    s: &'a str,
    /// Where the name ends in `s`.
    end: usize,
}

impl<'a> Subject<'a> {
    /// The subject of `sentence`, if it opens with a body.
    fn of(sentence: &'a str) -> Option<Self> {
        let s = sentence.trim_start();
        subject_end(s).map(|end| Subject { s, end })
    }

    /// The bodies named; "Các Bộ: Quốc phòng, Công an" names "Bộ Quốc phòng", "Bộ Công an".
    fn bodies(&self) -> Vec<String> {
        let (s, end) = (self.s, self.end);
        let bodies = split_bodies(&s[..end]);
        match bodies.as_slice() {
            [one] if s[end..].starts_with(':') => plural_list(one, &s[end + 1..]).unwrap_or(bodies),
            _ => bodies,
        }
    }

    /// What follows the name, trimmed at the start.
    fn rest(&self) -> &'a str {
        self.s[self.end..].trim_start()
    }

    /// Whether the name is followed by a verb (lower case, not a list word): "Sở Tài chính chủ
    /// trì …", not "Sở Tài chính." or "Sở Y tế:".
    fn then_verb(&self) -> bool {
        self.rest().starts_with(char::is_lowercase)
    }
}

/// Where the name of [`subject`] ends in `s` (trimmed at the start), before a "Các Bộ: A, B"
/// list is read; `None` when `s` opens with no body.
fn subject_end(s: &str) -> Option<usize> {
    // The capital first: it is the cheaper test.
    if !s.starts_with(char::is_uppercase) {
        return None;
    }
    let n = cue_at(s, Cue::BodyHead)?;
    // "Trường hợp …" is not "Trường Chính trị …": after a body word comes a capital, a name
    // word ("Ủy ban nhân dân"), or the head was "Các"/"Những" ("Các thành viên Tiểu ban").
    let k = skip_spaces(s, n);
    if let Some(e) = word_end(s, k) {
        let next = &s[k..e];
        let head = &s[..n];
        let plural = (head.len() == "các".len() && lower_eq(head, "các"))
            || (head.len() == "những".len() && lower_eq(head, "những"));
        // "Thủ trưởng các sở, ban, ngành" (dev/d037), "Chủ tịch các xã".
        let of_plural = matches!(next, "các" | "những");
        if !plural
            && !of_plural
            && !is_capitalised(next)
            && !is_cue(&lowercase(next), Cue::NameWord)
        {
            return None;
        }
    }
    let end = assignee_end(s, true);
    (end > 0).then_some(end)
}

/// "Các Bộ: Quốc phòng, Công an chủ động …" (a công điện, dev/d039): the bodies named after the
/// plural head, each with the head ("Bộ Quốc phòng", "Bộ Công an"). `one` is "Các Bộ", `rest`
/// what follows its colon.
fn plural_list(one: &str, rest: &str) -> Option<Vec<String>> {
    let head = one
        .strip_prefix("Các ")
        .or_else(|| one.strip_prefix("các "))?;
    if head.contains(' ') || !head.starts_with(char::is_uppercase) {
        return None;
    }
    let rest = rest.trim_start();
    let (_, end) = assignee_span(rest);
    let mut names: Vec<String> = Vec::new();
    let mut parts = rest[..end].split(',').map(str::trim).peekable();
    while let Some(n) = parts.next() {
        if !n.starts_with(char::is_uppercase) {
            continue;
        }
        // "Các Bộ: …, Văn hóa, Thể thao và Du lịch": the ministry's name holds a comma.
        if n == "Văn hóa" && parts.peek() == Some(&"Thể thao và Du lịch") {
            parts.next();
            names.push(format!("{head} Văn hóa, Thể thao và Du lịch"));
            continue;
        }
        names.push(format!("{head} {n}"));
    }
    (!names.is_empty()).then_some(names)
}

/// Assignees named by a request inside an enumerated item ("Một là, … giao Sở …").
fn requested_in(text: &str) -> Vec<String> {
    sentences(text)
        .into_iter()
        .find_map(|s| request(&text[s]).map(|r| r.assignees))
        .unwrap_or_default()
}

/// The subject after a leading adverbial: "Trong quý II/2021, các cơ quan, đơn vị cần …" →
/// "các cơ quan, đơn vị".
fn subject_after_adverbial(sentence: &str) -> Vec<String> {
    let direct = subject(sentence);
    if !direct.is_empty() {
        return direct;
    }
    match sentence.split_once(", ") {
        Some((_, rest)) if rest.starts_with("các ") || rest.starts_with("những ") => {
            assignee_span(rest).0
        }
        Some((_, rest)) => subject(rest),
        None => Vec::new(),
    }
}

/// A deadline: a date right after a deadline cue ("trước ngày 30/6/2020", "chậm nhất ngày …",
/// "hoàn thành trong tháng 12/2025", "Thời gian thực hiện: năm 2025").
fn deadline(text: &str) -> Option<PartialDate> {
    find_date(text, |d| {
        let before = text[..d.range.start]
            .trim_end()
            .trim_end_matches(':')
            .trim_end();
        if !may_end_with_deadline_cue(before) {
            return false;
        }
        let lower = lower_tail(before);
        // "tính đến hết ngày 09/9/1999": an eligibility cut-off, not a deadline.
        let from = lower.ends_with("từ") || lower.ends_with("tính đến hết");
        !from && ends_with_cue(&lower, Cue::Deadline)
    })
    .map(|d| d.date)
}

/// Whether `before` lower-cased may end with a deadline cue ([`ends_with_cue`]): its last
/// character lower-cased ends as one of the cues does. Most dates follow "ngày" or "số": they
/// are answered without lower-casing the text before them.
fn may_end_with_deadline_cue(before: &str) -> bool {
    static LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut last: Vec<char> = crate::extract::people::cues(Cue::Deadline)
            .iter()
            .filter_map(|cue| cue.chars().next_back())
            .collect();
        last.sort_unstable();
        last.dedup();
        last
    });
    before
        .chars()
        .next_back()
        .and_then(|c| c.to_lowercase().next_back())
        .is_some_and(|c| LAST.contains(&c))
}

/// The end of `s` lower-cased, long enough for every test on what ends it (the longest cue and
/// the character before it): the text before a date is not lower-cased as a whole.
fn lower_tail(s: &str) -> String {
    let mut start = s.len().saturating_sub(80);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    lowercase(&s[start..])
}

/// A deadline that makes a sentence a task by itself: "trước", "chậm nhất", "hạn chót" … (not
/// "trong", which also dates a report).
fn strong_deadline(sentence: &str) -> Option<PartialDate> {
    // Cheap test first: a deadline needs a digit and one of the strong cue words.
    if !sentence.bytes().any(|b| b.is_ascii_digit())
        || !STRONG_DEADLINE_FINDERS
            .iter()
            .any(|w| w.find(sentence.as_bytes()).is_some())
    {
        return None;
    }
    find_date(sentence, |d| {
        let before = sentence[..d.range.start].trim_end();
        if !may_end_with_deadline_cue(before) {
            return false;
        }
        let before = lower_tail(before);
        ends_with_cue(&before, Cue::Deadline)
            && !["trong", "hoàn thành", "đến hết"]
                .iter()
                .any(|w| before.ends_with(w))
    })
    .map(|d| d.date)
}

/// Whether the lower-cased `before` ends with a cue of `role` (a whole word).
fn ends_with_cue(before: &str, role: Cue) -> bool {
    crate::extract::people::cues(role).iter().any(|cue| {
        before
            .strip_suffix(cue)
            .is_some_and(|head| head.is_empty() || head.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_len_agrees_with_the_marker_regex() {
        let seeds = [SEED_000, SEED_001, SEED_002, SEED_003];
        let lines = seeds.iter().flat_map(|s| s.lines()).chain([
            "",
            "a) Nhiệm vụ",
            "đ) Tổ chức",
            "e Tổ chức",
            "II. TỔ CHỨC",
            "IV. Nhiệm vụ",
            "Ủy ban nhân dân",
            "Điều 3. Tổ chức",
            "  - Phối hợp",
            "**1. Sở Y tế**",
            "6.1. Mời",
            "_x_",
            "• Một",
            "– Hai",
            "Xã",
            "Vụ",
            "١. Arabic-Indic digit",
        ]);
        for line in lines {
            let want = MARKER.find(line).map_or(0, |m| m.end());
            assert_eq!(marker_len(line), want, "{line:?}");
        }
        // Every line of the corpus on disk, and every string of up to four pieces of markers.
        for line in corpus_lines() {
            let want = MARKER.find(&line).map_or(0, |m| m.end());
            assert_eq!(marker_len(&line), want, "{line:?}");
        }
        let pieces = [
            " ", "*", "_", "-", "•", "–", "\t", "\u{a0}", "1", "12", "123", ".", ")", "a", "đ",
            "I", "IIIII", "V", "Ủ", "١", "²", "x ",
        ];
        let mut line = String::new();
        let n = pieces.len();
        for k in 0..n * n * n * n {
            line.clear();
            let mut k = k;
            for _ in 0..4 {
                line.push_str(pieces[k % n]);
                k /= n;
            }
            let want = MARKER.find(&line).map_or(0, |m| m.end());
            assert_eq!(marker_len(&line), want, "{line:?}");
        }
    }

    #[test]
    fn mid_verb_starts_are_the_words_a_walk_finds() {
        // The walk `request` did word by word.
        fn walk(s: &str) -> Vec<usize> {
            let mut out = Vec::new();
            let mut i = 0;
            while i < s.len() {
                let Some(we) = word_end(s, i) else {
                    i += s[i..].chars().next().map_or(1, char::len_utf8);
                    continue;
                };
                if matches!(&s[i..we], "đề" | "yêu" | "Đề" | "Yêu") {
                    out.push(i);
                }
                i = we;
            }
            out
        }
        let seeds = [SEED_000, SEED_001, SEED_002, SEED_003];
        let lines = seeds.iter().flat_map(|s| s.lines()).chain([
            "đề nghị Đề nghị yêu cầu Yêu cầu",
            "NN&đề nghị, a&&yêu cầu, &Đề nghị, (yêu cầu) x-đề nghị",
            "đềnghị yêucầu Đềđề yêu",
            "đ Đ y Y đĐ",
        ]);
        for line in lines {
            assert_eq!(
                mid_verb_starts(line).collect::<Vec<_>>(),
                walk(line),
                "{line:?}"
            );
        }
    }

    use crate::testing::corpus_lines;

    #[test]
    fn sentences_split_as_the_byte_loop_did() {
        // The loop over every byte that `sentences` ran before it jumped with `memchr3`.
        fn by_bytes(line: &str) -> Vec<std::ops::Range<usize>> {
            let mut out = Vec::new();
            let mut start = 0;
            let bytes = line.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if matches!(bytes[i], b'.' | b'!' | b'?') {
                    let after = skip_spaces(line, i + 1);
                    let next_cap = line[after..].starts_with(char::is_uppercase);
                    let word_before = line[..i]
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    let abbreviation = word_before.chars().count() <= 3
                        && is_capitalised(word_before)
                        && word_before.chars().all(|c| c.is_uppercase());
                    let spaced = after > i + 1 && !abbreviation;
                    if next_cap && (spaced || (after == i + 1 && glued(word_before))) {
                        out.push(start..i + 1);
                        start = after;
                        i = after;
                        continue;
                    }
                }
                i += 1;
            }
            if start < line.len() && !line[start..].trim().is_empty() {
                out.push(start..line.len());
            }
            out
        }
        let mut lines = corpus_lines();
        lines.extend(
            [
                "Một. Hai! Ba? bốn. TP. Hồ Chí Minh. UBND. Tỉnh",
                "...  Ả. .Ơ ? !",
                "a.B",
                ". ",
                "",
            ]
            .map(String::from),
        );
        for line in &lines {
            assert_eq!(sentences(line), by_bytes(line), "{line:?}");
        }
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        // Every character alone, then every line of the corpus as written and in capitals.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(lowercase(&s), s.to_lowercase(), "{c:?}");
            assert!(lowered(c).eq(c.to_lowercase()), "{c:?}");
        }
        for line in corpus_lines() {
            assert_eq!(lowercase(&line), line.to_lowercase(), "{line:?}");
            let upper = line.to_uppercase();
            assert_eq!(lowercase(&upper), upper.to_lowercase(), "{upper:?}");
        }
        for s in ["ΣΑΣ ΟΔΟΣ", "Đề nghị Σ", "İstanbul", ""] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn after_lower_prefix_reads_the_lower_cased_text() {
        // What task_field and article_head asked of the lower-cased copy.
        let labels = FIELD_LABELS.iter().map(|(l, _)| *l);
        let words: Vec<&str> = labels.chain(CARRYING_TITLES.iter().copied()).collect();
        let mut lines = corpus_lines();
        lines.extend(lines.iter().map(|l| l.to_uppercase()).collect::<Vec<_>>());
        lines.extend(["", "Thời", "THỜI GIAN", "Thời gianx", "İi"].map(String::from));
        for line in &lines {
            let lower = line.to_lowercase();
            for w in &words {
                let want = lower.strip_prefix(w).map(|r| r.chars().next());
                assert_eq!(after_lower_prefix(line, w), want, "{line:?} {w:?}");
            }
        }
    }

    #[test]
    fn lower_eq_is_to_lowercase_equality() {
        for (s, lower) in [
            ("Trách nhiệm của ", "trách nhiệm của "),
            ("TRÁCH NHIỆM CỦA ", "trách nhiệm của "),
            ("Trách nhiệm củ", "trách nhiệm của "),
            ("Nhiệm vụ của ", "trách nhiệm của "),
            ("", ""),
        ] {
            assert_eq!(lower_eq(s, lower), s.to_lowercase() == lower, "{s:?}");
        }
    }

    #[test]
    fn a_list_under_a_request_that_names_only_who_acts() {
        let text = "Để chuẩn bị đón Tết, Ủy ban nhân dân huyện đề nghị Ủy ban nhân dân các xã, thị trấn:\n- Tổ chức thăm hỏi các gia đình chính sách trước ngày 20/01/2024;\n- Rà soát các hộ nghèo, hộ cận nghèo.\n\nNơi khác không liên quan.";
        let got = items(text);
        let who = vec!["Ủy ban nhân dân các xã, thị trấn".to_string()];
        assert_eq!(
            got,
            vec![
                (
                    "Tổ chức thăm hỏi các gia đình chính sách trước ngày 20/01/2024".to_string(),
                    who.clone(),
                    Some("2024-01-20".to_string())
                ),
                ("Rà soát các hộ nghèo, hộ cận nghèo".to_string(), who, None),
            ]
        );
    }

    #[test]
    fn a_head_title_at_the_end_of_a_line_goes_on_with_its_body() {
        let text = "**Điều 2. **Quyết định này\ncó hiệu lực kể từ ngày ký.\n**Điều 3. **Chánh Văn phòng\nỦy ban nhân dân tỉnh; Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này./.";
        let got = items(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1,
            vec![
                "Chánh Văn phòng Ủy ban nhân dân tỉnh".to_string(),
                "Giám đốc Sở Tư pháp".to_string()
            ]
        );
        assert!(got[0].0.starts_with("Chánh Văn phòng Ủy ban"), "{got:?}");
    }

    #[test]
    fn organisations_and_persons_concerned_after_va_are_their_own_assignee() {
        let text = "**Điều 3.** Giám đốc Sở Tư pháp; Thủ trưởng các cơ quan, đơn vị và tổ chức, cá\nnhân có liên quan chịu trách nhiệm thi hành Quyết định này./.";
        let got = items(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1,
            vec![
                "Giám đốc Sở Tư pháp".to_string(),
                "Thủ trưởng các cơ quan, đơn vị".to_string(),
                "tổ chức, cá nhân có liên quan".to_string()
            ]
        );
    }

    fn items(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
        action_items(text)
            .into_iter()
            .map(|a| (a.text, a.assignees, a.deadline.map(|d| d.to_string())))
            .collect()
    }

    fn item(
        text: &str,
        assignees: &[&str],
        deadline: Option<&str>,
    ) -> (String, Vec<String>, Option<String>) {
        (
            text.to_string(),
            assignees.iter().map(|s| s.to_string()).collect(),
            deadline.map(String::from),
        )
    }

    #[test]
    fn a_request_that_announces_a_list_lends_its_assignees_to_the_items() {
        // Bullets under "… yêu cầu X thực hiện các nội dung sau:": the intro is no task.
        let text = "Ủy ban nhân dân huyện yêu cầu các xã, thị trấn thực hiện một số nội dung \
                    như sau:\n\n- Rà soát danh sách hộ nghèo trên địa bàn.\n\n- Tổng hợp kết \
                    quả, báo cáo Ủy ban nhân dân huyện.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "Rà soát danh sách hộ nghèo trên địa bàn",
                    &["các xã, thị trấn"],
                    None
                ),
                item(
                    "Tổng hợp kết quả, báo cáo Ủy ban nhân dân huyện",
                    &["các xã, thị trấn"],
                    None
                ),
            ]
        );
        // "Một là, …" items after the intro take its assignees.
        let text = "2. Thời gian tới, yêu cầu các chi bộ tập trung làm tốt các việc sau:\n\n\
                    Một là, nâng cao chất lượng sinh hoạt chi bộ.\n\n\
                    Hai là, kiện toàn tổ chức, hoàn thành trong tháng 12/2024.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "nâng cao chất lượng sinh hoạt chi bộ",
                    &["các chi bộ"],
                    None
                ),
                item(
                    "kiện toàn tổ chức, hoàn thành trong tháng 12/2024",
                    &["các chi bộ"],
                    Some("2024-12")
                ),
            ]
        );
    }

    #[test]
    fn the_closing_report_on_difficulties_is_a_task() {
        let text = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị \
                    kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo./.\n";
        assert_eq!(
            items(text),
            vec![item(
                "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị \
                 kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo",
                &["các cơ quan, đơn vị"],
                None
            )]
        );
        // Nobody named after the condition.
        let text = "Trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh về Bộ Tư pháp \
                    để giải quyết.\n";
        assert_eq!(items(text).len(), 1);
        assert!(items(text)[0].1.is_empty());
    }

    #[test]
    fn numbered_points_under_a_colon_request_are_their_bodies_sentences() {
        let text = "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n\
                    1. Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan bố trí kinh phí.\n\n\
                    Mức hỗ trợ: 500.000 đồng/hộ.\n\n\
                    2. Sở Y tế chỉ đạo các bệnh viện bảo đảm thuốc men.\n\n\
                    Yêu cầu Thủ trưởng các cơ quan, đơn vị triển khai thực hiện nghiêm túc.\n";
        let got = items(text);
        let texts: Vec<&str> = got.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan bố trí kinh phí",
                "Sở Y tế chỉ đạo các bệnh viện bảo đảm thuốc men",
                "Yêu cầu Thủ trưởng các cơ quan, đơn vị triển khai thực hiện nghiêm túc",
            ]
        );
        assert_eq!(got[0].1, vec!["Sở Tài chính".to_string()]);
        assert_eq!(got[1].1, vec!["Sở Y tế".to_string()]);
    }

    #[test]
    fn a_case_after_doi_voi_is_no_task() {
        for text in [
            "Đối với Phụ lục kèm theo, Văn thư chỉ ký số văn bản chính.\n",
            "Đối với các dự án đang triển khai thi công.\n",
            "Đối với các nội dung góp ý khác, Bộ Tài chính đã tiếp thu đầy đủ.\n",
        ] {
            assert_eq!(items(text), vec![], "{text}");
        }
        // A case followed by its task after a colon, and a body asked to act, are tasks.
        let text = "Đối với các dự án đã được phê duyệt: Khẩn trương lập hồ sơ mời thầu.\n";
        assert_eq!(items(text).len(), 1);
        let text = "Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng.\n";
        assert_eq!(items(text).len(), 1);
    }

    #[test]
    fn implementing_articles_assign_their_clauses() {
        // A resolution's "Tổ chức thực hiện" (dev/d060 shapes): bodies with a scope before
        // their verb, "có trách nhiệm", obligations with "phải"; the effect clause is none.
        let text = "Điều 2. Phạm vi điều chỉnh\n\
            1. Sở Y tế là cơ quan thường trực.\n\
            Điều 3. Tổ chức thực hiện\n\
            1. Việc thực hiện Nghị quyết này phải tuân thủ Bộ luật Lao động.\n\
            2. Khi tổ chức làm thêm giờ, người sử dụng lao động phải thông báo cho Sở Nội vụ.\n\
            3. Người sử dụng lao động có trách nhiệm bảo đảm phúc lợi.\n\
            4. Chính phủ, Bộ Nội vụ và các Bộ, ngành, trong phạm vi nhiệm vụ, quyền hạn của mình, hướng dẫn thi hành Nghị quyết này.\n\
            5. Bộ Tài chính chịu trách nhiệm về số liệu báo cáo.\n\
            Điều 4. Hiệu lực thi hành\n\
            1. Nghị quyết này có hiệu lực từ ngày 01 tháng 4 năm 2022.\n\
            2. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thực hiện Nghị quyết này.\n";
        assert_eq!(
            items(text),
            vec![
                item("Việc thực hiện Nghị quyết này phải tuân thủ Bộ luật Lao động", &[], None),
                item(
                    "Khi tổ chức làm thêm giờ, người sử dụng lao động phải thông báo cho Sở Nội vụ",
                    &["người sử dụng lao động"],
                    None
                ),
                item(
                    "Người sử dụng lao động có trách nhiệm bảo đảm phúc lợi",
                    &["Người sử dụng lao động"],
                    None
                ),
                item(
                    "Chính phủ, Bộ Nội vụ và các Bộ, ngành, trong phạm vi nhiệm vụ, quyền hạn của mình, hướng dẫn thi hành Nghị quyết này",
                    &["Chính phủ", "Bộ Nội vụ", "các Bộ, ngành"],
                    None
                ),
                item(
                    "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thực hiện Nghị quyết này",
                    &[
                        "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ",
                        "các cơ quan, tổ chức, cá nhân có liên quan"
                    ],
                    None
                ),
            ]
        );
        // A decision's articles without titles (dev/d002, d004, d014); a table's cell and a
        // definition are none.
        let text = "**Điều 1. **Phê duyệt danh mục thủ tục hành chính.\n\
            Tên thủ tục\n\
            Chi cục Thuế quản lý\n\
            **Điều 2. **Trường Cao đẳng Y tế là đơn vị sự nghiệp công lập.\n\
            1. Trường Cao đẳng Y tế thực hiện sắp xếp bộ máy theo quy định.\n\
            2. Sở Y tế, Sở Nội vụ theo chức năng, nhiệm vụ hướng dẫn, giám sát việc sắp xếp.\n\
            **Điều 3. **Chánh Văn phòng UBND tỉnh, Chủ tịch UBND các xã và Thủ trưởng các đơn vị có liên quan căn cứ Quyết định này thực hiện./.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "Trường Cao đẳng Y tế thực hiện sắp xếp bộ máy theo quy định",
                    &["Trường Cao đẳng Y tế"],
                    None
                ),
                item(
                    "Sở Y tế, Sở Nội vụ theo chức năng, nhiệm vụ hướng dẫn, giám sát việc sắp xếp",
                    &["Sở Y tế", "Sở Nội vụ"],
                    None
                ),
                item(
                    "Chánh Văn phòng UBND tỉnh, Chủ tịch UBND các xã và Thủ trưởng các đơn vị có liên quan căn cứ Quyết định này thực hiện",
                    &[
                        "Chánh Văn phòng UBND tỉnh",
                        "Chủ tịch UBND các xã",
                        "Thủ trưởng các đơn vị có liên quan"
                    ],
                    None
                ),
            ]
        );
        // A charter's numbered articles state rules.
        let text = "Chương III\n\nĐiều 17.\n1. Ban Chấp hành Trung ương họp thường lệ sáu tháng một lần.\n";
        assert_eq!(items(text), vec![]);
    }

    #[test]
    fn a_wrapped_bold_article_title_opens_its_clauses() {
        // dev/d044: "**Điều 4." / "Trách nhiệm thi hành**", a body heading with its duty.
        let text =
            "**Điều 4.\nTrách nhiệm thi hành**\n\n1. Cục Đăng kiểm Việt Nam có\ntrách nhiệm:\n\n\
            a) Tổ chức triển khai thực hiện Thông tư này.\n\n\
            2. Đơn vị cung cấp dịch vụ đăng kiểm có trách nhiệm kê khai giá dịch vụ.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "Tổ chức triển khai thực hiện Thông tư này",
                    &["Cục Đăng kiểm Việt Nam"],
                    None
                ),
                item(
                    "Đơn vị cung cấp dịch vụ đăng kiểm có trách nhiệm kê khai giá dịch vụ",
                    &["Đơn vị cung cấp dịch vụ đăng kiểm"],
                    None
                ),
            ]
        );
    }

    #[test]
    fn requests_across_lines_stops_and_closing_formulas() {
        // A request verb ending a line (dev/d028); the closing "… trả lời để Công ty biết".
        let text = "1. Về thủ tục hải quan: đề nghị\nCông ty nghiên cứu quy định tại Thông tư số 38/2015/TT-BTC.\n\
            Cục Hải quan trả lời để Công ty biết.\n";
        assert_eq!(
            items(text),
            vec![item(
                "đề nghị Công ty nghiên cứu quy định tại Thông tư số 38/2015/TT-BTC",
                &["Công ty"],
                None
            )]
        );
        // A full stop without a space after a year ends the sentence (dev/d097).
        let text = "Quốc hội đã thảo luận trong năm 2023.Giao Chính phủ nghiên cứu, đề xuất luật hóa các quy định.\n";
        assert_eq!(
            items(text),
            vec![item(
                "Giao Chính phủ nghiên cứu, đề xuất luật hóa các quy định",
                &["Chính phủ"],
                None
            )]
        );
        assert_eq!(sentences("TP.Hồ Chí Minh").len(), 1);
        // The difficulty clause after a request of its own paragraph (dev/d003).
        let text = "1. Giao Văn phòng UBND tỉnh chủ trì triển khai.\n\
            2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Văn phòng UBND tỉnh.\n";
        let got = items(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1, vec!["các cơ quan, đơn vị".to_string()]);
    }

    const SEED_000: &str = include_str!("../../corpus/seeds/000_77c515b30785bc67.txt");
    const SEED_001: &str = include_str!("../../corpus/seeds/001_6f18e75c22ead646.txt");
    const SEED_002: &str = include_str!("../../corpus/seeds/002_4c4fd20774bcd057.txt");
    const SEED_003: &str = include_str!("../../corpus/seeds/003_33f196b0544b334b.txt");

    #[test]
    fn seed_000_invitations_requests_and_addressed_items() {
        let got = items(SEED_000);
        let want = vec![
            // "Đại diện lãnh đạo Đài PT-TH và Báo Bình Phước (đề nghị cử thêm phóng viên …)"
            item("đề nghị cử thêm phóng viên dự đưa tin về hội nghị", &["Đài PT-TH và Báo Bình Phước"], None),
            item(
                "Mời Thường trực các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy chuẩn bị phát biểu một trong các nội dung sau",
                &["Thường trực các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy"],
                None,
            ),
            item(
                "Mời Ủy ban MTTQ, các đoàn thể CT-XH tỉnh; các sở, ngành và tương đương chuẩn bị phát biểu một trong các nội dung sau",
                &["Ủy ban MTTQ", "các đoàn thể CT-XH tỉnh", "các sở, ngành và tương đương"],
                None,
            ),
            item(
                "Đối với Ban tuyên giáo cấp huyện và tương đương, Trung tâm chính trị cấp huyện lựa chọn một trong các nội dung sau để phát biểu",
                &["Ban tuyên giáo cấp huyện và tương đương", "Trung tâm chính trị cấp huyện"],
                None,
            ),
            // "8. Đề nghị Sở Thông tin và Truyền thông" / the task on the next line
            item(
                "Hỗ trợ cán bộ kỹ thuật thử đường truyền và phục vụ Hội nghị tại điểm cầu Phòng họp trực tuyến của Ban Tuyên giáo Tỉnh ủy",
                &["Sở Thông tin và Truyền thông"],
                None,
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn seed_001_nine_enumerated_tasks() {
        let got = items(SEED_001);
        assert_eq!(got.len(), 9, "{got:#?}");
        // Each item is the first sentence after "Một là," … "Chín là,".
        assert_eq!(
            got[1].0,
            "tiếp tục đổi mới và nâng cao chất lượng tham mưu; chất lượng tuyên truyền, học tập nghị quyết, trong quản lý, điều hành; đấu tranh phản bác thông tin xấu độc; các thông tin tuyên truyền luôn phải kịp thời, chính xác, để cung cấp thông tin và định hướng, dẫn dắt dư luận xã hội"
        );
        assert_eq!(
            got[8],
            item("Đẩy mạnh công tác kiểm tra, giám sát, đôn đốc việc thực hiện công tác Tuyên giáo, Khoa giáo ở cơ sở trong thời gian tới", &[], None)
        );
    }

    #[test]
    fn seed_002_request_then_each_body_task_and_deadline() {
        let got = items(SEED_002);
        let btg = ["Ban Tuyên giáo Tỉnh ủy"];
        let want = vec![
            item("đề nghị Ban Tuyên giáo Tỉnh ủy tăng cường theo dõi, đôn đốc chung các hoạt động của Tiểu ban, từng đơn vị, thành viên tham gia Tiểu ban", &btg, None),
            item("Đẩy mạnh công tác tuyên truyền, chủ động phòng ngừa, phối hợp với các lực lượng chức năng đấu tranh, ngăn chặn, xử lý gỡ bỏ, triệt phá tin giả, thông tin sai sự thật, xấu độc trên mạng Internet, mạng xã hội", &btg, None),
            item("Chỉ đạo hoàn thiện các tài liệu tuyên truyền đại hội, chỉ đạo cấp dưới tuyên truyền đại hội Đảng cùng cấp", &btg, None),
            item("Tiếp tục tham mưu cho tỉnh hoàn thành xuất bản cuốn Lịch sử Đảng bộ tỉnh Cao Bằng (1930 - 2020)", &btg, None),
            item("Ban Tổ chức Tỉnh ủy tiếp tục phối hợp với Ban Tuyên giáo Tỉnh ủy cung cấp thông tin về kết quả đại hội Đảng các cấp để biên soạn tài liệu phục vụ tuyên truyền tại các hội nghị", &["Ban Tổ chức Tỉnh ủy"], None),
            item("Sở Văn hóa, Thể thao và Du lịch tập trung thực hiện theo kế hoạch, nhiệm vụ được giao", &["Sở Văn hóa, Thể thao và Du lịch"], None),
            item("Báo Cao Bằng, Đài Phát thanh - Truyền hình Cao Bằng xây dựng kế hoạch công tác tuyên truyền đậm nét trên các ấn phẩm, chương trình phát sóng", &["Báo Cao Bằng", "Đài Phát thanh - Truyền hình Cao Bằng"], None),
            item("Văn phòng UBND tỉnh rà soát lại các công trình, dự án trọng điểm dự kiến gắn biển chào mừng đại hội", &["Văn phòng UBND tỉnh"], None),
            item("Các thành viên Tiểu ban xây dựng dự toán kinh phí thực hiện gửi Tiểu ban trước ngày 30/6/2020", &["Các thành viên Tiểu ban"], Some("2020-06-30")),
            item("Sở Thông tin và Truyền thông tăng cường quản lý thông tin mạng trước, trong và sau đại hội", &["Sở Thông tin và Truyền thông"], None),
            item("Ủy ban MTTQ tỉnh và các tổ chức chính trị, đoàn thể tăng cường nắm tình hình, tâm tư, nguyện vọng gắn với tuyên truyền, xem xét, giải quyết, tiếp thu các ý kiến, nguyện vọng chính đáng của cán bộ, đảng viên, hội viên liên quan đến quá trình chuẩn bị và tổ chức đại hội Đảng các cấp", &["Ủy ban MTTQ tỉnh", "các tổ chức chính trị, đoàn thể"], None),
            item("Giao Liên đoàn Lao động tỉnh, Tỉnh đoàn Thanh niên tổ chức tốt các chương trình văn nghệ chào mừng đại hội", &["Liên đoàn Lao động tỉnh", "Tỉnh đoàn Thanh niên"], None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn seed_003_colon_request_and_no_caption() {
        let got = items(SEED_003);
        let who = ["các cơ quan, đơn vị"];
        // The photo caption "… Hà Anh Dũng đề nghị các cơ quan, đơn vị …" asks nothing.
        let want = vec![
            item("Trong quý II/2021, các cơ quan, đơn vị cần tích cực tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026", &who, None),
            item("Triển khai quyết liệt, có hiệu quả Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị về “Tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới”", &who, None),
            item("Tập trung triển khai tổ chức thực hiện tốt Chương trình hành động thực hiện Nghị quyết Đại hội XI Đảng bộ tỉnh", &who, None),
            item("Thông tin nhanh nhạy, tham mưu giải quyết kịp thời các vấn đề đảng viên, nhân dân bức xúc", &who, None),
            item("Chủ động hơn trong công tác định hướng, cung cấp thông tin cho cơ quan báo chí", &who, None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn body_lines_without_blank_lines() {
        // seeds/000 as the segmenter passes it: one line a paragraph, blank lines dropped.
        let text = "8. Đề nghị Sở Thông tin và Truyền thông\nHỗ trợ cán bộ kỹ thuật thử đường truyền.\n(Công văn này thay cho giấy mời).\n";
        assert_eq!(
            items(text),
            vec![item(
                "Hỗ trợ cán bộ kỹ thuật thử đường truyền",
                &["Sở Thông tin và Truyền thông"],
                None
            )]
        );
    }

    #[test]
    fn colon_items_and_closing_article() {
        // composed party_04 / state_04 shapes; Điều 3 of a decision
        let text = "Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:\n\
            1. Sở Thông tin và Truyền thông: phát hiện, xử lý thông tin sai sự thật về dịch bệnh trên mạng xã hội.\n\
            2. Sở Nông nghiệp và Phát triển nông thôn (cơ quan thường trực Ban Chỉ huy tỉnh): kiểm tra an toàn hồ đập, báo cáo UBND tỉnh trước ngày 30/7/2020.\n\
            - Đại diện Thường trực và Trưởng ban Tuyên giáo các đảng ủy: Biên phòng tỉnh.\n\
            - Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n\
            Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này./.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "phát hiện, xử lý thông tin sai sự thật về dịch bệnh trên mạng xã hội",
                    &["Sở Thông tin và Truyền thông"],
                    None
                ),
                item(
                    "kiểm tra an toàn hồ đập, báo cáo UBND tỉnh trước ngày 30/7/2020",
                    &["Sở Nông nghiệp và Phát triển nông thôn"],
                    Some("2020-07-30")
                ),
                item(
                    "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này",
                    &[
                        "Chánh Văn phòng UBND tỉnh",
                        "Giám đốc Sở Nội vụ",
                        "Chủ tịch UBND các huyện"
                    ],
                    None,
                ),
            ]
        );
    }

    #[test]
    fn directive_lists_assign_by_heading() {
        // dev/d038 (lines joined as the normaliser repairs them)
        let text = "Để nâng cao hiệu quả công tác xử lý chồng lấn, Ủy ban nhân dân tỉnh yêu cầu:\n\
            1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:\n\
            - Thực hiện đầy đủ trách nhiệm quản lý nhà nước về lâm nghiệp.\n\
            - Đẩy mạnh công tác quản lý bảo vệ rừng.\n\
            3. Sở Tài chính\n\
            - Cân đối, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí.\n\
            4. Công an tỉnh: chỉ đạo lực lượng Công an xã tăng cường phối hợp.\n\
            Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.\n";
        let xa = ["Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ"];
        assert_eq!(
            items(text),
            vec![
                item(
                    "Thực hiện đầy đủ trách nhiệm quản lý nhà nước về lâm nghiệp",
                    &xa,
                    None
                ),
                item("Đẩy mạnh công tác quản lý bảo vệ rừng", &xa, None),
                item(
                    "Cân đối, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí",
                    &["Sở Tài chính"],
                    None
                ),
                item(
                    "chỉ đạo lực lượng Công an xã tăng cường phối hợp",
                    &["Công an tỉnh"],
                    None
                ),
                item(
                    "Chánh Văn phòng chịu trách nhiệm thi hành",
                    &["Chánh Văn phòng"],
                    None
                ),
            ]
        );
    }

    #[test]
    fn state_document_tasks_and_deadlines() {
        for (text, want) in [
            // dev/d029 style
            (
                "b) Giao Bộ Xây dựng chủ trì, phối hợp với các địa phương hoàn thành trước ngày 31/12/2025.",
                vec![item("Giao Bộ Xây dựng chủ trì, phối hợp với các địa phương hoàn thành trước ngày 31/12/2025", &["Bộ Xây dựng"], Some("2025-12-31"))],
            ),
            (
                "Yêu cầu Giám đốc các Sở, ban, ngành; Chủ tịch UBND các xã, phường triển khai thực hiện trong tháng 12/2025.",
                vec![item(
                    "Yêu cầu Giám đốc các Sở, ban, ngành; Chủ tịch UBND các xã, phường triển khai thực hiện trong tháng 12/2025",
                    &["Giám đốc các Sở, ban, ngành", "Chủ tịch UBND các xã, phường"],
                    Some("2025-12"),
                )],
            ),
            // dev/d031 style: a line wrapped before a capital
            (
                "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành và UBND\nThành phố tổ chức triển khai thực hiện Kế hoạch này.",
                vec![item(
                    "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành và UBND Thành phố tổ chức triển khai thực hiện Kế hoạch này",
                    &["Sở Khoa học và Công nghệ"],
                    None,
                )],
            ),
            // reports are not tasks
            (
                "Ban Tuyên giáo Tỉnh ủy ban hành Hướng dẫn số 93-HD/BTGTU ngày 28/4/2020 chỉ đạo công tác tuyên truyền. Đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
                vec![],
            ),
            ("**2. Yêu cầu**\n\na) Triển khai đảm bảo hoàn thành đầy đủ các nhiệm vụ.", vec![]),
        ] {
            assert_eq!(items(text), want, "{text:?}");
        }
    }

    #[test]
    fn plan_sections_assign_by_body_heading() {
        // dev/d036, d035: "IV. TỔ CHỨC THỰC HIỆN", numbered bodies, their points below; the
        // closing "Trên đây là …" paragraph is the document's own.
        let text = "**III. KINH PHÍ THỰC HIỆN**\n\
            Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông.\n\
            **IV. TỔ CHỨC THỰC HIỆN**\n\
            **1. Sở Khoa học và Công nghệ**\n\
            - Theo dõi, đôn đốc, chỉ đạo các doanh nghiệp viễn\n\
            thông triển khai phủ sóng 5G theo Kế hoạch.\n\
            **2. Đề nghị Ủy\n\
            ban Mặt trận Tổ quốc Việt Nam thành phố**\n\
            Phối hợp với các ngành, các cấp tăng cường các hoạt động tuyên truyền.\n\
            **3. Sở Tài chính**\n\
            a) Phối hợp với Sở Y tế tham mưu bố trí kinh phí.\n\
            2. Các Sở, ban, ngành và các cơ quan có liên quan căn cứ Kế hoạch này xây dựng kế hoạch triển khai.\n\
            Trên đây là Kế hoạch phát triển hạ tầng số. Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai kịp thời.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "Theo dõi, đôn đốc, chỉ đạo các doanh nghiệp viễn thông triển khai phủ sóng 5G theo Kế hoạch",
                    &["Sở Khoa học và Công nghệ"],
                    None
                ),
                item(
                    "Phối hợp với các ngành, các cấp tăng cường các hoạt động tuyên truyền",
                    &["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"],
                    None
                ),
                item(
                    "Phối hợp với Sở Y tế tham mưu bố trí kinh phí",
                    &["Sở Tài chính"],
                    None
                ),
                item(
                    "Các Sở, ban, ngành và các cơ quan có liên quan căn cứ Kế hoạch này xây dựng kế hoạch triển khai",
                    &["Các Sở, ban, ngành", "các cơ quan có liên quan"],
                    None
                ),
                item(
                    "yêu cầu các sở, ban, ngành triển khai kịp thời",
                    &["các sở, ban, ngành"],
                    None
                ),
            ]
        );
        // The same headings outside a section of tasks are a report's outline.
        assert_eq!(
            items("**1. Sở Khoa học và Công nghệ**\n- Đã triển khai phủ sóng 5G tại 20 xã.\n"),
            vec![]
        );
    }

    #[test]
    fn task_tables_take_their_field_lines() {
        // dev/d033: a task, then "Đơn vị chủ trì / phối hợp / Thời gian thực hiện"; dev/d031:
        // "a) Nhiệm vụ: …" / "b) Cơ quan thực hiện:" / "- Đơn vị chủ trì: …".
        let text = "**III. NHIỆM VỤ, GIẢI PHÁP**\n\
            **1. Rà soát, kiện toàn đội ngũ cán bộ**\n\
            - Thường xuyên rà soát, kiện toàn đội ngũ cán bộ.\n\
            *Đơn vị chủ trì thực hiện: *Các Sở, ngành, đơn vị.\n\
            *Đơn vị phối hợp: *Sở\n\
            Nội vụ, Sở Tư pháp.\n\
            *Thời gian thực hiện: *Tháng 12/2025.\n\
            **2. Tổ chức hội nghị**\n\
            - Tổ chức hội nghị, hội thảo.\n\
            a) Nguồn nhân lực\n\
            a) Nhiệm vụ: Tham mưu UBND\n\
            Thành phố hoàn thiện Chiến lược dữ liệu.\n\
            b) Cơ quan thực hiện:\n\
            - Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n\
            c) Thời gian thực hiện: Thực hiện thường xuyên.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "Thường xuyên rà soát, kiện toàn đội ngũ cán bộ",
                    &["Các Sở, ngành, đơn vị", "Sở Nội vụ", "Sở Tư pháp"],
                    Some("2025-12")
                ),
                item(
                    "Tham mưu UBND Thành phố hoàn thiện Chiến lược dữ liệu",
                    &["Sở Khoa học và Công nghệ"],
                    None
                ),
            ]
        );
    }

    #[test]
    fn duty_articles_and_clauses() {
        // dev/d011 (quy chế), dev/d003 (quyết định); a party charter's clause (dev/d001) is a
        // rule, not a task.
        let text = "**Điều\n\
            14. Trách nhiệm của Sở Khoa học và Công nghệ**\n\
            1. Quản lý, hướng dẫn, kiểm tra các thuê bao.\n\
            2. Định kỳ báo cáo Ủy ban nhân dân tỉnh.\n\
            **Điều 2. Trách nhiệm của các cơ quan**\n\
            1. Trách nhiệm của Ủy ban nhân dân các xã, phường\n\
            a) Tổ chức tiếp nhận hồ sơ.\n\
            **Điều 15. Hiệu lực thi hành**\n\
            Quyết định này có hiệu lực thi hành kể từ ngày ký.\n\
            3. Trách nhiệm của chi bộ và cấp uỷ :\n\
            - Báo cáo với chi bộ về lý lịch của người vào Đảng.\n";
        let skhcn = ["Sở Khoa học và Công nghệ"];
        assert_eq!(
            items(text),
            vec![
                item("Quản lý, hướng dẫn, kiểm tra các thuê bao", &skhcn, None),
                item("Định kỳ báo cáo Ủy ban nhân dân tỉnh", &skhcn, None),
                item(
                    "Tổ chức tiếp nhận hồ sơ",
                    &["Ủy ban nhân dân các xã, phường"],
                    None
                ),
            ]
        );
    }

    #[test]
    fn dispatch_headings_that_wrap_and_plural_ministries() {
        // dev/d039 (công điện): a heading wrapped inside a name; "Các Bộ: A, B" names each.
        let text = "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh tập trung một số nhiệm vụ cụ thể sau:\n\
            1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ\n\
            Hà Tĩnh đến Khánh Hòa:\n\
            a) Tổ chức theo dõi chặt chẽ tình hình mưa lũ.\n\
            2. Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các đơn vị đóng trên địa bàn.\n";
        assert_eq!(
            items(text),
            vec![
                item(
                    "Tổ chức theo dõi chặt chẽ tình hình mưa lũ",
                    &["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"],
                    None
                ),
                item(
                    "Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các đơn vị đóng trên địa bàn",
                    &["Bộ Quốc phòng", "Bộ Công an"],
                    None
                ),
            ]
        );
    }

    #[test]
    fn line_breaks_inside_names() {
        for (prev, next, joined) in [
            // dev/d039
            (
                "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ",
                "Hà Tĩnh đến Khánh Hòa:",
                true,
            ),
            (
                "8. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt",
                "Nam, Thông tấn xã Việt Nam kịp thời thông tin.",
                true,
            ),
            // dev/d031, d033
            (
                "a) Nhiệm vụ: Tham mưu UBND",
                "Thành phố phối hợp với Bộ Công an rà soát.",
                true,
            ),
            (
                "*Thời gian thực hiện: *Theo",
                "Kế hoạch bồi dưỡng công chức hằng năm.",
                true,
            ),
            (
                "c) Giao Bộ Xây dựng chủ trì, làm việc với UBND tỉnh",
                "Đồng Nai, ACV để thống nhất.",
                true,
            ),
            (
                "ban Mặt trận Tổ quốc Việt Nam thành phố",
                "Phối hợp với các ngành, các cấp.",
                false,
            ),
            // seeds/000: a heading, then its task
            (
                "8. Đề nghị Sở Thông tin và Truyền thông",
                "Hỗ trợ cán bộ kỹ thuật thử đường truyền.",
                false,
            ),
            ("**1. Sở Y tế**", "Chủ trì, phối hợp với các sở.", false),
            // composed state_01, dev/d055
            (
                "III. TỔ CHỨC THỰC HIỆN",
                "Các sở, ban, ngành báo cáo kết quả.",
                false,
            ),
            (
                "đề nghị Trưởng ban quyết định mức chi cho CC",
                "Điều 26 : Đối với Văn phòng",
                false,
            ),
        ] {
            assert_eq!(name_wraps(prev, next), joined, "{prev:?} / {next:?}");
        }
    }

    #[test]
    fn own_subject_beats_the_duty_heading() {
        let text = "Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã\n\n\
            1. Chủ tịch Ủy ban nhân dân cấp xã thành lập tổ công tác rà soát hộ nghèo.\n\n\
            2. Chỉ đạo các thôn lập danh sách hộ nghèo. Ủy ban nhân dân cấp xã có trách nhiệm \
            niêm yết danh sách tại trụ sở.\n\n\
            3. Định kỳ hằng tháng, cơ quan thuế các cấp phải báo cáo số thu.\n";
        let xa = ["Ủy ban nhân dân cấp xã"];
        assert_eq!(
            items(text),
            vec![
                item(
                    "Chủ tịch Ủy ban nhân dân cấp xã thành lập tổ công tác rà soát hộ nghèo",
                    &["Chủ tịch Ủy ban nhân dân cấp xã"],
                    None
                ),
                item("Chỉ đạo các thôn lập danh sách hộ nghèo", &xa, None),
                item(
                    "Ủy ban nhân dân cấp xã có trách nhiệm niêm yết danh sách tại trụ sở",
                    &xa,
                    None
                ),
                item(
                    "Định kỳ hằng tháng, cơ quan thuế các cấp phải báo cáo số thu",
                    &["cơ quan thuế các cấp"],
                    None
                ),
            ]
        );
    }

    #[test]
    fn names_with_a_verb_a_dash_or_a_comma_stay_whole() {
        let (bodies, _) =
            assignee_span("Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam kịp thời đưa tin");
        assert_eq!(bodies, ["Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]);
        let (bodies, _) =
            assignee_span("các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền");
        assert_eq!(bodies, ["các tổ chức chính trị - xã hội tỉnh"]);
        let (bodies, _) =
            assignee_span("Ủy ban Mặt trận tổ quốc Việt Nam các cấp chủ trì giám sát");
        assert_eq!(bodies, ["Ủy ban Mặt trận tổ quốc Việt Nam các cấp"]);
        assert_eq!(
            subject("Các Bộ: Y tế, Văn hóa, Thể thao và Du lịch chủ động phối hợp."),
            ["Bộ Y tế", "Bộ Văn hóa, Thể thao và Du lịch"]
        );
    }

    #[test]
    fn a_request_of_a_head_in_lower_case_names_the_head() {
        assert_eq!(
            items("Nếu có vướng mắc, đề nghị thủ trưởng các đơn vị phản ánh về Sở Nội vụ."),
            vec![item(
                "đề nghị thủ trưởng các đơn vị phản ánh về Sở Nội vụ",
                &["thủ trưởng các đơn vị"],
                None
            )]
        );
    }

    #[test]
    fn a_cited_request_or_an_eligibility_cut_off_assigns_nothing() {
        assert!(items("Theo đề nghị Giám đốc Sở Nội vụ.").is_empty());
        assert!(items("Xét đề nghị Chánh Văn phòng Ủy ban nhân dân tỉnh.").is_empty());
        assert_eq!(
            deadline("Các dự án tính đến hết ngày 09/9/1999 đã đưa vào sản xuất"),
            None
        );
    }
}
