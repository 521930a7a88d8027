//! The `Instruktioner` sheet, in Swedish.

use super::workbook::{Formats, Origin, fail};
use super::*;

/// One row of the sheet `Instruktioner`.
pub(super) enum Line {
    Title(String),
    Heading(&'static str),
    /// Text in the first column (it runs on over the empty cells to its right).
    Text(String),
    /// A table's header row.
    Header(&'static [&'static str]),
    Row(Vec<String>),
    Blank,
}

pub(super) fn write_lines(ws: &mut Worksheet, lines: &[Line], f: &Formats) -> Result<(), String> {
    ws.set_name("Instruktioner").map_err(fail)?;
    for (c, width) in (0u16..).zip([26.0, 24.0, 44.0, 40.0]) {
        ws.set_column_width(c, width).map_err(fail)?;
    }
    for (r, line) in (0u32..).zip(lines) {
        match line {
            Line::Title(t) => ws.write_string_with_format(r, 0, t, &f.title).map(|_| ()),
            Line::Heading(t) => ws.write_string_with_format(r, 0, *t, &f.bold).map(|_| ()),
            Line::Text(t) => ws.write_string(r, 0, t).map(|_| ()),
            Line::Header(cells) => {
                (0u16..).zip(cells.iter()).try_for_each(|(c, t)| ws.write_string_with_format(r, c, *t, &f.bold).map(|_| ()))
            }
            Line::Row(cells) => {
                (0u16..).zip(cells).filter(|(_, t)| !t.is_empty()).try_for_each(|(c, t)| ws.write_string(r, c, t).map(|_| ()))
            }
            Line::Blank => Ok(()),
        }
        .map_err(fail)?;
    }
    Ok(())
}

pub(super) fn instructions(model: &Model, needs: &Needs, origin: &Origin) -> Vec<Line> {
    let title = format!("Indatamall {}: {}", model.header.year, model.header.title);
    let mut lines = vec![Line::Title(title), Line::Blank];
    for block in
        [about(model, origin), how_to(model, origin), sheets(), ledger_columns(model.header.year), codes(model), measures(model, needs)]
    {
        lines.extend(block);
        lines.push(Line::Blank);
    }
    for block in [komplement_codes(model), out_of_scope(model)].into_iter().filter(|b| !b.is_empty()) {
        lines.extend(block);
        lines.push(Line::Blank);
    }
    lines
}

fn row<const N: usize>(cells: [&str; N]) -> Line {
    Line::Row(cells.iter().map(|c| c.to_string()).collect())
}

fn about(model: &Model, origin: &Origin) -> Vec<Line> {
    let h = &model.header;
    let mut lines = vec![Line::Heading("Regelverket mallen är gjord från")];
    lines.push(row(["Regelfil", &origin.file]));
    lines.push(row(["Version", &h.version]));
    lines.push(row(["År", &h.year.to_string()]));
    lines.push(row(["SHA-256", &origin.sha256]));
    if let Some(previous) = &h.builds_on {
        lines.push(row([
            "Bygger på",
            &format!("{previous} (föregående års värden läses från föregående års regler och indata, inte från denna mall)"),
        ]));
    }
    for d in &h.decisions {
        let dnr = d.dnr.as_deref().map(|n| format!("dnr {n}")).unwrap_or_else(|| crate::tr!("params-dnr-missing"));
        let about = d.about.as_deref().map(|a| format!(" ({a})")).unwrap_or_default();
        lines.push(row(["Beslut", &format!("{} {}, {dnr}{about}", d.board, d.date)]));
    }
    if !h.owners.is_empty() {
        lines.push(row(["Dokumentägare", &h.owners.join(", ")]));
    }
    lines.push(row(["Skapad av", &format!("ekostyr {} (ekostyr template)", env!("CARGO_PKG_VERSION"))]));
    lines
}

fn how_to(model: &Model, origin: &Origin) -> Vec<Line> {
    let year = model.header.year;
    let text = |s: &str| Line::Text(s.to_string());
    let mut lines = vec![
        Line::Heading("Så fyller du i mallen"),
        text("1. Budget: skriv årets budgeterade mängd (platser, timmar, årsarbetare …) i kolumnen värde på varje rad."),
        text("2. Volymer: skriv varje månads utfall i kolumnen värde på varje rad."),
        Line::Text(format!("3. Utfall: klistra in huvudbokens transaktioner för {year} under rubrikraden, en rad per transaktion.")),
        text(
            "Regelverket läser varje rad i Budget och Volymer: ta inte bort rader och lämna inget värde tomt. En tom cell är ett fel, aldrig en nolla; skriv 0 där det inte finns något.",
        ),
        text(
            "uppdrag, del och mått har rullistor med namnen från regelverket. Namnen jämförs utan hänsyn till stora och små bokstäver. del är tom där ett mått gäller hela uppdraget.",
        ),
        text(
            "Tal skrivs som talceller eller som svensk taltext, t.ex. \"1 234,50\". Text som inte är ett tal (\"tolv\") och felvärden (#DIVISION/0!) är fel.",
        ),
        text(
            "Flikarnas och kolumnernas namn får inte ändras; kolumnernas ordning spelar ingen roll och andra flikar, som den här, läses inte.",
        ),
    ];
    if let Some(month) = origin.month {
        lines.splice(1..4, month_how_to(year, month, origin));
        return lines;
    }
    lines.push(Line::Text(format!(
        "Fyller du i månad för månad: kör med --period (t.ex. --period {year}-09); rader för senare månader läses då inte och får stå tomma. En månad i taget: ekostyr template --period {year}-10 och ekostyr append."
    )));
    if model.assignments.iter().flat_map(|a| &a.key_figures).any(|k| k.from_year > year) {
        lines.push(text("Några rader gäller nyckeltal som följs upp först från ett senare år: de påverkar inte årets siffror men behöver ändå ett värde (0 om uppgiften saknas)."));
    }
    lines.push(Line::Text(format!("Kör sedan: ekostyr run {} --input {}", origin.file, origin.output)));
    lines
}

/// The steps of a month's template (`template --period`), in place of the year's.
fn month_how_to(year: i32, month: u32, origin: &Origin) -> Vec<Line> {
    let rules = &origin.file;
    vec![
        Line::Text(format!("Mallen gäller bara månaden {year}-{month:02}; Budget lämnas tom (budgeten står i årets arbetsbok).")),
        Line::Text("1. Volymer: skriv månadens utfall i kolumnen värde på varje rad.".to_string()),
        Line::Text(format!(
            "2. Utfall: klistra in huvudbokens transaktioner för {year}-{month:02} under rubrikraden, en rad per transaktion."
        )),
        Line::Text(format!(
            "3. Lägg till månaden i årets arbetsbok: ekostyr append {rules} --input ÅRETS_ARBETSBOK --månad {}",
            origin.output
        )),
    ]
}

fn sheets() -> Vec<Line> {
    vec![
        Line::Heading("Flikarna"),
        Line::Header(&["flik", "en rad per", "kolumner"]),
        row(["Utfall", "bokförd transaktion (kostnad, kr)", "period, id, komplement, konto, belopp"]),
        row(["Volymer", "månad, uppdrag, del och mått", "period, uppdrag, del, mått, värde"]),
        row(["Budget", "uppdrag, del och mått (årlig mängd)", "uppdrag, del, mått, värde"]),
        row(["Listor", "namn i rullistorna (dold flik)", "uppdrag, del, mått (Budget), mått (Volymer)"]),
    ]
}

fn ledger_columns(year: i32) -> Vec<Line> {
    vec![
        Line::Heading("Utfall, kolumn för kolumn"),
        Line::Header(&["kolumn", "innehåll"]),
        row(["period", &format!("bokföringsmånaden som text ÅÅÅÅ-MM (t.ex. {year}-03) eller en datumcell; måste ligga i {year}")]),
        row(["id", "ID-koden (verksamhet); den avgör uppdrag och del, se ID-koderna nedan"]),
        row(["komplement", "komplementkoden (text, får vara tom)"]),
        row(["konto", "kontot (text, får vara tomt)"]),
        row(["belopp", "beloppet i kronor: ett tal eller svensk taltext som \"1 234,50\"; rättelser är negativa"]),
    ]
}

fn codes(model: &Model) -> Vec<Line> {
    let mut lines = vec![
        Line::Heading("ID-koder per uppdrag och del"),
        Line::Text(
            "L110* omfattar alla koder som börjar med L110 (L1101, L1102 …); A..B är alla koder av samma längd från A till B.".into(),
        ),
        Line::Text("Transaktioner vars kod inget uppdrag har redovisas som ej mappade (antal och summa), de tappas aldrig.".into()),
        Line::Header(&["uppdrag", "del", "namn", "ID-koder"]),
    ];
    for asg in &model.assignments {
        let own = if asg.codes.is_empty() && !asg.parts.is_empty() { "(se delarna)".to_string() } else { code_list(&asg.codes) };
        lines.push(row([&asg.id, "", &asg.name, &own]));
        for p in &asg.parts {
            lines.push(row([&asg.id, &p.id, &p.name, &code_list(&p.codes)]));
        }
        for x in &asg.activities {
            lines.push(row([&asg.id, "", &format!("verksamhet: {}", x.name), &code_list(&x.codes)]));
        }
    }
    lines
}

/// SoF's view, when the rules declare it: the komplement codes per assignment, part and activity.
fn komplement_codes(model: &Model) -> Vec<Line> {
    if !model.has_komplement() {
        return vec![];
    }
    let mut lines = vec![
        Line::Heading("Komplementkoder (SoF:s vy)"),
        Line::Text("Kolumnen komplement i Utfall ger en andra fördelning på uppdrag; rapporten visar båda vyerna och de konteringar där de skiljer sig.".into()),
        Line::Header(&["uppdrag", "del", "namn", "komplementkoder"]),
    ];
    for asg in &model.assignments {
        if !asg.komplement.is_empty() {
            lines.push(row([&asg.id, "", &asg.name, &code_list(&asg.komplement)]));
        }
        for p in asg.parts.iter().filter(|p| !p.komplement.is_empty()) {
            lines.push(row([&asg.id, &p.id, &p.name, &code_list(&p.komplement)]));
        }
        for x in asg.activities.iter().filter(|x| !x.komplement.is_empty()) {
            lines.push(row([&asg.id, "", &format!("verksamhet: {}", x.name), &code_list(&x.komplement)]));
        }
    }
    lines
}

/// The `utanför` units: their codes are reported on their own line, neither cost nor unmapped.
fn out_of_scope(model: &Model) -> Vec<Line> {
    if model.out_of_scope.is_empty() {
        return vec![];
    }
    let mut lines = vec![
        Line::Heading("Utanför styrmodellen"),
        Line::Text(
            "Transaktioner på dessa koder redovisas för sig (antal och summa), varken som ett uppdrags kostnad eller som ej mappade."
                .into(),
        ),
        Line::Header(&["enhet", "ID-koder", "källa"]),
    ];
    for u in &model.out_of_scope {
        lines.push(row([&u.name, &code_list(&u.codes), u.source_ref.as_deref().unwrap_or_default()]));
    }
    lines
}

fn code_list(codes: &[CodePattern]) -> String {
    codes.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn measures(model: &Model, needs: &Needs) -> Vec<Line> {
    let mut lines = vec![Line::Heading("Mått"), Line::Header(&["mått", "flik", "enhet", "rader i mallen"])];
    for (i, m) in model.measure_ids().zip(&model.measures) {
        let (sheet, keys) = match m.kind {
            MeasureKind::Budget => ("Budget (per år)", &needs.budget),
            MeasureKind::Volume => ("Volymer (per månad)", &needs.volume),
        };
        let n = keys.iter().filter(|k| k.2 == i).count();
        let rows = match (n, m.kind) {
            (0, _) => "inga: regelverket läser inte måttet".to_string(),
            (n, MeasureKind::Budget) => n.to_string(),
            (n, MeasureKind::Volume) => format!("{n} per månad"),
        };
        lines.push(row([&m.name, sheet, &m.unit.to_string(), &rows]));
    }
    lines
}
