//! The tables below the summary: key figures, transfers, återrapportering, postings
//! outside the assignments, and the provenance.

use super::{
    AmountUnit, Ctx, FileDoc, KeyFigureRow, PostingsDoc, ProvenanceDoc, ReportDue, TransferRow, TransfersDoc, date_words, period_words,
};
use crate::eval::results::{AssignmentResult, KeyFigureResult, Report, Status};
use crate::i18n::Lang;
use crate::number::swedish;
use crate::tr_in;
use rust_decimal::Decimal;

/// Whether a key figure's period is one month (`2023-03`): shown in charts, not as a row.
pub(super) fn is_single_month(k: &KeyFigureResult) -> bool {
    k.period.len() == 7 && k.period.as_bytes().get(4) == Some(&b'-')
}

pub(super) fn key_figure_rows(ctx: &Ctx, a: &AssignmentResult) -> Vec<KeyFigureRow> {
    let lang = ctx.lang();
    let labels = super::super::Labels(lang);
    a.key_figures
        .iter()
        .filter(|k| !is_single_month(k))
        .map(|k| {
            let missed = a
                .key_figures
                .iter()
                .filter(|m| m.id == k.id && is_single_month(m) && m.status == Status::NotMet)
                .map(|m| period_words(lang, &m.period))
                .collect();
            KeyFigureRow {
                assignment: a.name.clone(),
                name: k.name.clone(),
                period: period_words(lang, &k.period),
                value: k.value.map_or_else(|| super::super::not_available(lang), |v| value_text(k, v)),
                target: super::super::table::target_text(k.target, &k.unit),
                status: k.status,
                status_symbol: status_symbol(k.status).to_string(),
                status_text: labels.status(k.status),
                missed_months: missed,
                remarks: k.remarks(lang),
            }
        })
        .collect()
}

/// `96,09 %`, `372,25 kr/timme`.
fn value_text(k: &KeyFigureResult, v: Decimal) -> String {
    format!("{} {}", swedish(k.unit.shown(v), 2), k.unit.symbol()).trim_end().to_string()
}

/// A status as a symbol that reads without colour.
pub fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::NoTarget => "–",
        Status::NotAvailable => "?",
    }
}

pub(super) fn transfers(ctx: &Ctx, assignments: &[&AssignmentResult]) -> TransfersDoc {
    let months = ctx.period.month_labels.len();
    let per_month = |a: &AssignmentResult| -> Vec<Decimal> {
        (1..=months as u32).map(|m| a.months.iter().filter(|l| l.month == m).map(|l| l.amounts.total).sum()).collect()
    };
    let row = |name: String, values: Vec<Decimal>| TransferRow {
        name,
        total: ctx.amount(values.iter().copied().sum()),
        amounts: values.into_iter().map(|v| ctx.amount(v)).collect(),
    };
    let values: Vec<Vec<Decimal>> = assignments.iter().map(|a| per_month(a)).collect();
    let sums: Vec<Decimal> = (0..months).map(|i| values.iter().filter_map(|v| v.get(i)).copied().sum()).collect();
    TransfersDoc {
        months: ctx.period.month_labels.clone(),
        rows: assignments.iter().zip(values).map(|(a, v)| row(a.name.clone(), v)).collect(),
        total: row(tr_in!(ctx.lang(), "rapport-sum"), sums),
    }
}

pub(super) fn reports_due(ctx: &Ctx, assignments: &[&AssignmentResult]) -> Vec<ReportDue> {
    assignments
        .iter()
        .flat_map(|a| {
            a.mid_year_changes.iter().filter_map(move |c| {
                let r = c.report.as_ref()?;
                Some(ReportDue {
                    assignment: a.name.clone(),
                    change: c.name.clone(),
                    amount: ctx.amount(c.amount),
                    text: r.text.clone(),
                    due: r.due.as_deref().map(|d| date_words(ctx.lang(), d)),
                })
            })
        })
        .collect()
}

pub(super) fn postings(report: &Report, unit: AmountUnit) -> PostingsDoc {
    PostingsDoc {
        unmapped_count: report.unmapped.count,
        unmapped: super::amount(unit, report.unmapped.sum),
        unmapped_codes: report.unmapped.codes.iter().map(|(c, n, s)| (c.clone(), *n, super::amount(unit, *s))).collect(),
        out_of_scope_count: report.out_of_scope.count,
        out_of_scope: super::amount(unit, report.out_of_scope.sum),
        out_of_scope_units: report.out_of_scope.units.iter().map(|u| (u.name.clone(), u.count, super::amount(unit, u.sum))).collect(),
    }
}

pub(super) fn provenance(report: &Report, lang: Lang) -> ProvenanceDoc {
    let p = &report.provenance;
    let rules = p.rules.iter().map(|r| FileDoc {
        role: tr_in!(lang, "rapport-file-rules"),
        file: r.file.clone(),
        version: Some(r.version.clone()),
        sha256: r.sha256.clone(),
    });
    let input =
        |role: String, i: &crate::eval::results::InputFile| FileDoc { role, file: i.file.clone(), version: None, sha256: i.sha256.clone() };
    let inputs = p.input.iter().map(|i| input(tr_in!(lang, "rapport-file-input"), i));
    let previous = p.previous_input.iter().map(|i| input(tr_in!(lang, "rapport-file-previous"), i));
    ProvenanceDoc { engine: p.engine.clone(), version: report.version.clone(), files: rules.chain(inputs).chain(previous).collect() }
}
