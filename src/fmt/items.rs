//! Declarations: one per line, blocks as `header {`, one line per property, `}`.

use super::expr::{dotted, expr, push_quantity, push_unit, quantity, unit};
use super::keywords::*;
use super::printer::Printer;
use crate::source::Span;
use crate::syntax::ast::*;

/// Prints every top-level item in source order.
pub(super) fn file(p: &mut Printer, file: &File) {
    for item in &file.items {
        top_item(p, item);
    }
}

fn top_item(p: &mut Printer, item: &Item) {
    let line = match item {
        Item::Regelverk(s) => format!("{REGELVERK} {}", string(s)),
        Item::Year(y) => format!("{ÅR} {}", y.value),
        Item::Version(v) => format!("{VERSION} {}", v.value),
        Item::BuildsOn(s) => format!("{BYGGER_PÅ} {}", string(s)),
        Item::Owners(owners, _) => format!("{DOKUMENTÄGARE} {}", strings(owners)),
        Item::Decision(d) => {
            let mut line = format!("{BESLUT} {} {}", string(&d.board), d.date.value);
            if let Some(dnr) = &d.dnr {
                line += &format!(" {DNR} {}", string(dnr));
            }
            if let Some(about) = &d.about {
                line += &format!(" {AVSER} {}", string(about));
            }
            line
        }
        Item::Measure(m) => measure(m),
        Item::Parameter(param) => return parameter(p, param),
        Item::Board(b) => return board(p, b),
        Item::Expectation(e) => return expectation(p, e),
        Item::OutOfScope(o) => out_of_scope(o),
    };
    p.item(item.span(), |p| p.line(&line));
}

pub(super) fn measure(m: &MeasureDecl) -> String {
    let kind = match m.kind {
        MeasureKind::Budget => BUDGET,
        MeasureKind::Volume => VOLYM,
    };
    let signed = if m.signed { format!(", {FÅR_VARA_NEGATIV}") } else { String::new() };
    format!("{MÅTT} {kind} {}: {}{signed}", m.name.name, unit(&m.unit.value))
}

/// `parameter name = 2,9 %`, or a table.
fn parameter(p: &mut Printer, param: &Parameter) {
    // One buffer for the line (a file of 50 000 parameters formats as many).
    let mut head = String::with_capacity(80);
    head.push_str(PARAMETER);
    head.push(' ');
    head.push_str(&param.name.name);
    if let Some(u) = &param.unit {
        head.push_str(": ");
        push_unit(&mut head, &u.value);
    }
    head.push_str(" =");
    let with_value = |head: &str, q: &Quantity| {
        let mut line = String::with_capacity(head.len() + 24);
        line.push_str(head);
        line.push(' ');
        push_quantity(&mut line, q);
        line
    };
    match &param.value {
        ParamValue::Quantity(q) if !param.steps.is_empty() => {
            p.item(Span { start: param.span.start, end: q.span.end }, |p| p.line(&with_value(&head, q)));
            p.nested(|p| {
                for s in &param.steps {
                    p.item(s.span, |p| p.line(&format!("{FRÅN} {} = {}", month(&s.month), quantity(&s.value))));
                }
            });
        }
        ParamValue::Quantity(q) => p.item(param.span, |p| p.line(&with_value(&head, q))),
        ParamValue::Table { axis, entries } => table(p, param.span, &format!("{head} {PER} {}", axis.name), axis, entries),
    }
}

/// `… per del { a: 1 kr; b: 2 kr }` on one line when it has at most three entries,
/// fits, and holds no comment; otherwise one entry per line.
fn table(p: &mut Printer, span: Span, header: &str, axis: &Ident, entries: &[(Ident, Quantity)]) {
    let cells: Vec<String> = entries.iter().map(|(k, q)| format!("{}: {}", k.name, quantity(q))).collect();
    let inline = format!("{header} {{ {} }}", cells.join("; "));
    let one_line = (1..=3).contains(&entries.len()) && p.fits(&inline) && !p.has_comment_in_braces(span, axis.span.end);
    if one_line {
        return p.item(span, |p| p.line(&inline));
    }
    p.block(span, axis.span.end, header, |p| {
        for ((k, q), cell) in entries.iter().zip(&cells) {
            p.item(k.span.to(q.span), |p| p.line(cell));
        }
    });
}

fn board(p: &mut Printer, b: &Board) {
    let header = format!("{NÄMND} {} {}", b.id.name, string(&b.name));
    p.block(b.span, b.name.span.end, &header, |p| {
        for c in &b.care_forms {
            care_form(p, c);
        }
    });
}

fn care_form(p: &mut Printer, c: &CareForm) {
    let header = format!("{VÅRDFORM} {} {}", c.id.name, string(&c.name));
    p.block(c.span, c.name.span.end, &header, |p| {
        for a in &c.assignments {
            assignment(p, a);
        }
    });
}

fn assignment(p: &mut Printer, a: &Assignment) {
    let header = format!("{UPPDRAG} {} {}", a.id.name, string(&a.name));
    p.block(a.span, a.name.span.end, &header, |p| {
        for item in &a.items {
            assignment_item(p, item);
        }
    });
}

fn assignment_item(p: &mut Printer, item: &AssignmentItem) {
    let line = match item {
        AssignmentItem::Source(s) => format!("{KÄLLA} {}", string(s)),
        AssignmentItem::Part(part) if !part.activities.is_empty() => {
            return p.block(part.span, part.name.span.end, &part_line(part), |p| {
                activities_block(p, &part.activities, part.activities_span);
            });
        }
        AssignmentItem::Part(part) => part_line(part),
        AssignmentItem::Ids(ids, _) => format!("{ID} {}", id_codes(ids)),
        AssignmentItem::Let(l) => format!("{LÅT} {} = {}", l.name.name, expr(&l.expr)),
        AssignmentItem::Compensation(c) => {
            format!("{ERSÄTTNING} {}{} = {}", compensation_kind(c.kind), validity(c.validity.as_ref()), expr(&c.expr))
        }
        AssignmentItem::Parameter(param) => return parameter(p, param),
        AssignmentItem::Activities(activities, span) => {
            return activities_block(p, activities, *span);
        }
        AssignmentItem::KeyFigure(k) => return key_figure(p, k),
        AssignmentItem::Change(c) => return change(p, c),
        AssignmentItem::Komplement(ids, _) => format!("{KOMPLEMENT} {}", id_codes(ids)),
    };
    p.item(item.span(), |p| p.line(&line));
}

fn compensation_kind(kind: CompensationKind) -> &'static str {
    match kind {
        CompensationKind::Fixed => FAST,
        CompensationKind::Variable => RÖRLIG,
    }
}

/// `del nordväst "Nordväst" id L110*`
fn part_line(part: &Part) -> String {
    let head = format!("{DEL} {} {}", part.id.name, string(&part.name));
    let head = if part.ids.is_empty() { head } else { format!("{head} {ID} {}", id_codes(&part.ids)) };
    format!("{}{}", with_komplement(head, &part.komplement), validity(part.validity.as_ref()))
}

/// ` från 2023-05 till 2023-09` (with its leading space), or nothing.
fn validity(v: Option<&Validity>) -> String {
    let Some(v) = v else { return String::new() };
    let from = v.from.as_ref().map(|m| format!(" {FRÅN} {}", month(m))).unwrap_or_default();
    let to = v.to.as_ref().map(|m| format!(" {TILL} {}", month(m))).unwrap_or_default();
    format!("{from}{to}")
}

/// `… komplement K11*` after a part's or an activity's codes, when it has any.
fn with_komplement(head: String, komplement: &[IdCode]) -> String {
    if komplement.is_empty() { head } else { format!("{head} {KOMPLEMENT} {}", id_codes(komplement)) }
}

/// `utanför "Personlig assistans" id L31*, L32* källa "…"`
fn out_of_scope(o: &OutOfScope) -> String {
    let line = format!("{UTANFÖR} {} {ID} {}", string(&o.name), id_codes(&o.ids));
    match &o.source {
        Some(s) => format!("{line} {KÄLLA} {}", string(s)),
        None => line,
    }
}

/// `verksamheter {` with one `"Name" id …` per line.
fn activities_block(p: &mut Printer, activities: &[Activity], span: Span) {
    p.block(span, span.start + VERKSAMHETER.len(), VERKSAMHETER, |p| {
        for a in activities {
            let line = format!("{} {ID} {}", string(&a.name), id_codes(&a.ids));
            let line = match &a.id {
                Some(id) => format!("{} {line}", id.name),
                None => line,
            };
            let line = with_komplement(line, &a.komplement);
            p.item(a.span, |p| p.line(&line));
        }
    });
}

/// `L110*, L1401, L111..L119`
fn id_codes(ids: &[IdCode]) -> String {
    let codes: Vec<String> = ids
        .iter()
        .map(|c| match c {
            IdCode::Exact(code, _) => code.clone(),
            IdCode::Prefix(code, _) => format!("{code}*"),
            IdCode::Range(from, to, _) => format!("{from}..{to}"),
        })
        .collect();
    codes.join(", ")
}

fn key_figure(p: &mut Printer, k: &KeyFigure) {
    let header = format!("{NYCKELTAL} {} {}", k.id.name, string(&k.name));
    p.block(k.span, k.name.span.end, &header, |p| {
        for item in &k.items {
            let line = key_figure_line(item);
            p.item(item.span(), |p| p.line(&line));
        }
    });
}

fn key_figure_line(item: &KeyFigureItem) -> String {
    match item {
        KeyFigureItem::Value(e, _) => format!("{VÄRDE} = {}", expr(e)),
        KeyFigureItem::Interval(i, _) => format!("{INTERVALL} {}", interval(*i)),
        KeyFigureItem::Recipient(s, _) => format!("{MOTTAGARE} {}", string(s)),
        KeyFigureItem::Responsible(s, _) => format!("{ANSVARIG} {}", string(s)),
        KeyFigureItem::From(year, _) => format!("{FRÅN} {year}"),
        KeyFigureItem::Target(t, _) => format!("{MÅL} {}", target(t)),
        KeyFigureItem::PerPart(_) => format!("{PER} {DEL}"),
        KeyFigureItem::Impact(s, _) => format!("{PÅVERKAN} {}", string(s)),
        KeyFigureItem::Series(s, _) => format!("{SERIE} {} {} = {}", s.id.name, string(&s.name), expr(&s.value)),
        KeyFigureItem::Aggregation(word, _) => format!("{AGGREGERING} {}", word.name),
        KeyFigureItem::Annualised(true, _) => HELÅRSOMRÄKNAD.to_string(),
        KeyFigureItem::Annualised(false, _) => format!("{EJ} {HELÅRSOMRÄKNAD}"),
        KeyFigureItem::Plausible(low, high, _) => format!("{RIMLIGT} {} {TILL} {}", quantity(low), quantity(high)),
    }
}

fn interval(i: Interval) -> &'static str {
    i.keyword()
}

/// `>= 95 %`, `<= 1 %`, `95 % .. 105 %`
fn target(t: &Target) -> String {
    match t {
        Target::AtLeast(q) => format!(">= {}", quantity(q)),
        Target::AtMost(q) => format!("<= {}", quantity(q)),
        Target::Between(low, high) => format!("{} .. {}", quantity(low), quantity(high)),
    }
}

fn change(p: &mut Printer, c: &Change) {
    let header = format!("{FÖRÄNDRING} {} {}", c.id.name, string(&c.name));
    p.block(c.span, c.name.span.end, &header, |p| {
        for item in &c.items {
            let line = change_line(item);
            p.item(item.span(), |p| p.line(&line));
        }
    });
}

fn change_line(item: &ChangeItem) -> String {
    match item {
        ChangeItem::Kind(kind, _) => format!("{TYP} {}", change_kind(*kind)),
        ChangeItem::Amount(e, _) => format!("{BELOPP} = {}", expr(e)),
        ChangeItem::From(m, _) => format!("{FRÅN} {}", month(m)),
        ChangeItem::To(m, _) => format!("{TILL} {}", month(m)),
        ChangeItem::Decision(d, _) => {
            let dnr = d.dnr.as_ref().map(|s| format!(" {DNR} {}", string(s))).unwrap_or_default();
            format!("{BESLUT} {} {}{dnr}", string(&d.board), d.date.value)
        }
        ChangeItem::Report(s, due, _) => {
            let due = due.as_ref().map(|d| format!(" {SENAST} {}", d.value)).unwrap_or_default();
            format!("{ÅTERRAPPORTERING} {}{due}", string(s))
        }
        ChangeItem::Ids(ids, _) => format!("{ID} {}", id_codes(ids)),
    }
}

fn change_kind(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Statsbidrag => STATSBIDRAG,
        ChangeKind::Övertagande => ÖVERTAGANDE,
        ChangeKind::RiktadSatsning => RIKTAD_SATSNING,
        ChangeKind::StörreFörändring => STÖRRE_FÖRÄNDRING,
        ChangeKind::Justering => JUSTERING,
    }
}

fn expectation(p: &mut Printer, e: &Expectation) {
    let header = format!("{FÖRVÄNTA} {}", string(&e.name));
    p.block(e.span, e.name.span.end, &header, |p| {
        for item in &e.items {
            let line = expect_line(item);
            p.item(item.span(), |p| p.line(&line));
        }
    });
}

fn expect_line(item: &ExpectItem) -> String {
    match item {
        ExpectItem::Input(s, _) => format!("{INDATA} {}", string(s)),
        ExpectItem::Budget(path, q, _) => format!("{BUDGET} {} = {}", dotted(path), quantity(q)),
        ExpectItem::Volume(m, path, q, _) => {
            format!("{VOLYM} {} {} = {}", month(m), dotted(path), quantity(q))
        }
        ExpectItem::Ledger(m, code, q, _) => {
            format!("{UTFALL} {} {} = {}", month(m), code.name, quantity(q))
        }
        ExpectItem::Value { path, month: m, expected, tolerance, .. } => {
            let at = m.as_ref().map(|m| format!("[{}]", month(m))).unwrap_or_default();
            let within = tolerance.as_ref().map(|t| format!(" ± {}", quantity(t))).unwrap_or_default();
            format!("{}{at} = {}{within}", dotted(path), quantity(expected))
        }
    }
}

/// `2024-07`
fn month(m: &Month) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

/// `"…"`: the grammar has no escapes, so the contents print as they are.
fn string(s: &Str) -> String {
    format!("\"{}\"", s.value)
}

/// `"A", "B"`
fn strings(list: &[Str]) -> String {
    let quoted: Vec<String> = list.iter().map(string).collect();
    quoted.join(", ")
}
