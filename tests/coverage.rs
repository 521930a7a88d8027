//! `rules/COVERAGE.md` maps every passage of the governing document to the rule line that
//! encodes it, or says why it is not computed. This test keeps the map honest: every
//! citation ``rules/<file>.ek: `quote` `` must still be a line of that file, and every
//! table row must name a rule line or carry the reason phrase.

use std::fs;
use std::path::Path;

/// The phrase a row uses when no rule line encodes its passage (followed by the reason).
const NOT_COMPUTED: &str = "inte beräknat";

/// One ``rules/<file>.ek: `quote` `` found in COVERAGE.md.
#[derive(Debug)]
struct Citation {
    file: String,
    quote: String,
    line: usize,
}

/// Runs of whitespace become one space, ends trimmed: alignment in the rules does not matter.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every citation on one line of COVERAGE.md, in order.
fn citations_in(line: &str, line_no: usize) -> Vec<Citation> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find("rules/") {
        rest = &rest[start + "rules/".len()..];
        let Some((file, after)) = rest.split_once(".ek: `") else {
            continue;
        };
        if file.is_empty() || file.contains(char::is_whitespace) || file.contains('`') {
            continue;
        }
        let Some((quote, after_quote)) = after.split_once('`') else {
            continue;
        };
        found.push(Citation { file: format!("{file}.ek"), quote: quote.to_owned(), line: line_no });
        rest = after_quote;
    }
    found
}

/// The number of cells of a table row; a `|` inside a quote would break the table.
fn cell_count(line: &str) -> usize {
    line.trim().trim_start_matches('|').trim_end_matches('|').split('|').count()
}

/// A table's separator row, `|---|:--|`.
fn is_separator(line: &str) -> bool {
    let cells = line.trim().trim_matches('|');
    !cells.is_empty() && cells.chars().all(|c| matches!(c, '-' | ':' | '|' | ' '))
}

/// The data rows of every table (header and separator rows left out), with their line numbers.
fn table_rows(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let is_row = line.trim_start().starts_with('|');
        let is_header = lines.get(i + 1).is_some_and(|next| is_separator(next));
        if is_row && !is_header && !is_separator(line) {
            rows.push((i + 1, *line));
        }
    }
    rows
}

fn coverage_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/COVERAGE.md");
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The collapsed lines of `rules/<file>`, or `None` when there is no such file.
fn rule_lines(file: &str) -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules").join(file);
    let text = fs::read_to_string(path).ok()?;
    Some(text.lines().map(collapse).collect())
}

fn all_citations(text: &str) -> Vec<Citation> {
    text.lines().enumerate().flat_map(|(i, line)| citations_in(line, i + 1)).collect()
}

fn is_cited(citation: &Citation) -> Result<(), String> {
    let quote = collapse(&citation.quote);
    let Some(lines) = rule_lines(&citation.file) else {
        return Err(format!("no such rule file rules/{}", citation.file));
    };
    if quote.is_empty() {
        return Err("empty quote".to_owned());
    }
    if lines.iter().any(|line| line.contains(&quote)) { Ok(()) } else { Err("not on any line".to_owned()) }
}

/// Every rule line COVERAGE.md cites is a line of the rule file it names: a change of
/// the rules that drops what the document requires fails here, not in a review.
#[test]
fn every_citation_is_a_line_of_its_rule_file() {
    let text = coverage_text();
    let citations = all_citations(&text);
    assert!(
        citations.len() > 50,
        "COVERAGE.md cites only {} rule lines; is the citation form ``rules/<file>.ek: `quote` `` still used?",
        citations.len()
    );
    let missing: Vec<String> = citations
        .iter()
        .filter_map(|c| is_cited(c).err().map(|why| format!("  COVERAGE.md:{}: rules/{}: `{}` ({why})", c.line, c.file, c.quote)))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} citations in rules/COVERAGE.md are not a line of their rule file:\n{}",
        missing.len(),
        citations.len(),
        missing.join("\n")
    );
}

// Passes today: every row already names a rule line (present or agreed) or a reason.
#[test]
fn every_row_names_a_rule_line_or_a_reason() {
    let text = coverage_text();
    let rows = table_rows(&text);
    assert!(rows.len() > 50, "COVERAGE.md has only {} table rows", rows.len());
    let bare: Vec<String> = rows
        .iter()
        .filter(|(no, line)| citations_in(line, *no).is_empty() && !line.contains(NOT_COMPUTED))
        .map(|(no, line)| format!("  COVERAGE.md:{no}: {}", line.chars().take(100).collect::<String>()))
        .collect();
    assert!(
        bare.is_empty(),
        "{} rows of rules/COVERAGE.md name neither a rule line nor \"{NOT_COMPUTED}\" with a reason:\n{}",
        bare.len(),
        bare.join("\n")
    );
}

#[test]
fn every_row_has_as_many_cells_as_its_header() {
    let text = coverage_text();
    let lines: Vec<&str> = text.lines().collect();
    let mut width = 0;
    let mut wrong = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with('|') {
            width = 0;
        } else if width == 0 {
            width = cell_count(line);
        } else if cell_count(line) != width {
            wrong.push(format!("  COVERAGE.md:{}: {} cells, the header has {width}", i + 1, cell_count(line)));
        }
    }
    assert!(wrong.is_empty(), "rows of rules/COVERAGE.md that break their table (a `|` in a quote?):\n{}", wrong.join("\n"));
}

#[test]
fn citation_parsing_finds_file_and_quote() {
    let found = citations_in("| x | rules/2023.ek: `mål >= 95 %` och rules/2024.ek: `år  2024` |", 7);
    let pairs: Vec<(&str, &str)> = found.iter().map(|c| (c.file.as_str(), c.quote.as_str())).collect();
    assert_eq!(pairs, [("2023.ek", "mål >= 95 %"), ("2024.ek", "år  2024")]);
    assert!(found.iter().all(|c| c.line == 7));
    assert!(citations_in("se rules/COVERAGE.md och `rules/`", 1).is_empty());
}

#[test]
fn table_rows_leave_out_header_and_separator() {
    let text = "| a | b |\n|---|:--|\n| 1 | 2 |\ntext\n| 3 | 4 |\n";
    let rows: Vec<usize> = table_rows(text).iter().map(|(no, _)| *no).collect();
    assert_eq!(rows, [3, 5]);
    assert_eq!(collapse("  mål  >=   95 %  "), "mål >= 95 %");
}
