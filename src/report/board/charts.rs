//! The board's charts as SVG, drawn by plotters' SVG backend.
//!
//! Text is written as SVG `<text>` in the generic `sans-serif` family (plotters' SVG
//! backend estimates its size and reads no font file), so a chart needs no font on
//! the machine that draws it and none fetched where it is shown. Every series has a
//! colour *and* a marker (●, ▲, ✕, ○) so the charts read in greyscale; a reference
//! (target, budget) is a dashed grey line. The legend is drawn inside the SVG, so
//! the same string serves the HTML and the PDF.

use super::{ChartDoc, SeriesDoc, SeriesStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;

/// The series' colours (Okabe–Ito: told apart by people with colour vision deficiency).
pub const PALETTE: [(u8, u8, u8); 6] = [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0), (86, 180, 233)];

/// The reference lines' colour.
pub const REFERENCE: (u8, u8, u8) = (85, 85, 85);

/// A chart's default width in pixels (the A4 text width at 96 dpi is about 680).
pub const WIDTH: u32 = 640;

/// The plot's height in pixels, without the legend.
pub const PLOT_HEIGHT: u32 = 260;

const LEGEND_ROW: u32 = 20;
const FONT: &str = "sans-serif";
/// plotters writes a font of size `s` as `s / 1.24` px: 15 is about 12 px.
const FONT_SIZE: u32 = 15;

/// The `i`-th series' colour as `#rrggbb` (the same the SVG strokes with).
pub fn series_color(i: usize) -> String {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// A chart as an SVG document of the default size.
pub fn chart_svg(chart: &ChartDoc) -> String {
    chart_svg_sized(chart, WIDTH, PLOT_HEIGHT)
}

/// A chart as an SVG document `width` wide, its plot `plot_height` high and the legend below.
pub fn chart_svg_sized(chart: &ChartDoc, width: u32, plot_height: u32) -> String {
    let rows = legend_rows(chart, width);
    let height = plot_height + rows.len() as u32 * LEGEND_ROW + 6;
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        let (plot, legend) = root.split_vertically(plot_height);
        // INVARIANT: drawing into a string cannot fail for the ranges `y_range` gives; an
        // error would leave the chart incomplete, never a panic or a broken document.
        let _ = root.fill(&WHITE);
        let _ = draw_plot(&plot, chart);
        let _ = draw_legend(&legend, chart, &rows);
        let _ = root.present();
    }
    buf
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or_default()
}

/// The y axis' range: the values' with a tenth of their span (or 1) on each side.
fn y_range(chart: &ChartDoc) -> (f64, f64) {
    let values: Vec<f64> = chart.series.iter().flat_map(|s| s.values.iter().flatten().map(|d| to_f64(*d))).collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.1).max(hi.abs().max(lo.abs()) * 0.02).max(1.0);
    (lo - pad, hi + pad)
}

/// A y tick in Swedish format: `12 000`, `95,5`.
fn y_label(y: f64, span: f64) -> String {
    let decimals = if span < 10.0 { 1 } else { 0 };
    crate::number::swedish(Decimal::try_from(y).unwrap_or_default(), decimals)
}

fn draw_plot(area: &Area, chart: &ChartDoc) -> DrawResult {
    let n = chart.months.len().max(1) as i32;
    let x = if n > 1 { 0..n - 1 } else { -1..1 };
    let (lo, hi) = y_range(chart);
    let mut c =
        ChartBuilder::on(area).margin_top(10).margin_right(20).x_label_area_size(26).y_label_area_size(62).build_cartesian_2d(x, lo..hi)?;
    let month = |i: &i32| usize::try_from(*i).ok().and_then(|i| chart.months.get(i)).cloned().unwrap_or_default();
    let tick = |y: &f64| y_label(*y, hi - lo);
    c.configure_mesh()
        .disable_x_mesh()
        .x_labels(chart.months.len().max(2))
        .x_label_formatter(&month)
        .y_labels(6)
        .y_label_formatter(&tick)
        .y_desc(chart.unit.as_str())
        .bold_line_style(RGBColor(220, 220, 220))
        .light_line_style(WHITE)
        .axis_style(RGBColor(120, 120, 120))
        .label_style((FONT, FONT_SIZE))
        .axis_desc_style((FONT, FONT_SIZE))
        .draw()?;
    for (i, s) in chart.series.iter().enumerate() {
        for segment in segments(s) {
            draw_series(&mut c, i, s.style, segment)?;
        }
    }
    Ok(())
}

type Chart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<plotters::coord::types::RangedCoordi32, plotters::coord::types::RangedCoordf64>>;

/// The series' runs of months with a value (a month without one breaks the line).
fn segments(s: &SeriesDoc) -> Vec<Vec<(i32, f64)>> {
    let mut out: Vec<Vec<(i32, f64)>> = vec![vec![]];
    for (i, v) in s.values.iter().enumerate() {
        match (v, out.last_mut()) {
            (Some(v), Some(run)) => run.push((i as i32, to_f64(*v))),
            (None, Some(run)) if !run.is_empty() => out.push(vec![]),
            _ => {}
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

fn color_of(i: usize, style: SeriesStyle) -> RGBColor {
    let (r, g, b) = match style {
        SeriesStyle::Line => PALETTE[i % PALETTE.len()],
        SeriesStyle::Reference => REFERENCE,
    };
    RGBColor(r, g, b)
}

fn draw_series(c: &mut Chart, i: usize, style: SeriesStyle, points: Vec<(i32, f64)>) -> DrawResult {
    let color = color_of(i, style);
    match style {
        SeriesStyle::Reference => {
            let (first, last) = (points.first().map_or(0, |p| p.0), points.last().map_or(0, |p| p.0));
            let y = points.first().map_or(0.0, |p| p.1);
            // A reference spans the whole axis even for one month.
            let ends = if first == last { vec![(first - 1, y), (last + 1, y)] } else { vec![(first, y), (last, y)] };
            c.draw_series(DashedLineSeries::new(ends, 6, 4, color.stroke_width(2)))?;
        }
        SeriesStyle::Line => {
            c.draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))?;
            draw_markers(c, i, color, &points)?;
        }
    }
    Ok(())
}

/// The `i`-th series' marker at each point: ●, ▲, ✕, ○ in turn.
fn draw_markers(c: &mut Chart, i: usize, color: RGBColor, points: &[(i32, f64)]) -> DrawResult {
    let p = points.iter().copied();
    match i % 4 {
        0 => c.draw_series(p.map(|p| Circle::new(p, 4, color.filled())))?,
        1 => c.draw_series(p.map(|p| TriangleMarker::new(p, 5, color.filled())))?,
        2 => c.draw_series(p.map(|p| Cross::new(p, 4, color.stroke_width(2))))?,
        _ => c.draw_series(p.map(|p| Circle::new(p, 4, color.stroke_width(2))))?,
    };
    Ok(())
}

/// The legend's entries (series index) per row, wrapped to `width`.
fn legend_rows(chart: &ChartDoc, width: u32) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = vec![];
    let mut x = 0u32;
    for (i, s) in chart.series.iter().enumerate() {
        let w = entry_width(s);
        match rows.last_mut() {
            Some(row) if x + w <= width.saturating_sub(20) => row.push(i),
            _ => {
                rows.push(vec![i]);
                x = 0;
            }
        }
        x += w;
    }
    rows
}

/// An entry's width: the sample, the name at about 6 px a letter (12 px sans-serif), and a gap.
fn entry_width(s: &SeriesDoc) -> u32 {
    34 + s.name.chars().count() as u32 * 6 + 18
}

fn draw_legend(area: &Area, chart: &ChartDoc, rows: &[Vec<usize>]) -> DrawResult {
    for (r, row) in rows.iter().enumerate() {
        let y = 12 + r as i32 * LEGEND_ROW as i32;
        let mut x = 70;
        for &i in row {
            let s = &chart.series[i];
            legend_sample(area, i, s.style, (x, y))?;
            area.draw(&Text::new(s.name.clone(), (x + 32, y - 7), (FONT, FONT_SIZE).into_font().color(&BLACK)))?;
            x += entry_width(s) as i32;
        }
    }
    Ok(())
}

fn legend_sample(area: &Area, i: usize, style: SeriesStyle, (x, y): (i32, i32)) -> DrawResult {
    let color = color_of(i, style);
    match style {
        SeriesStyle::Reference => {
            for dash in [0, 10, 20] {
                area.draw(&PathElement::new(vec![(x + dash, y), (x + dash + 6, y)], color.stroke_width(2)))?;
            }
        }
        SeriesStyle::Line => {
            area.draw(&PathElement::new(vec![(x, y), (x + 26, y)], color.stroke_width(2)))?;
            let m = (x + 13, y);
            match i % 4 {
                0 => area.draw(&Circle::new(m, 4, color.filled()))?,
                1 => area.draw(&TriangleMarker::new(m, 5, color.filled()))?,
                2 => area.draw(&Cross::new(m, 4, color.stroke_width(2)))?,
                _ => area.draw(&Circle::new(m, 4, color.stroke_width(2)))?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::board::ChartKind;

    fn chart(series: Vec<SeriesDoc>) -> ChartDoc {
        ChartDoc {
            kind: ChartKind::KeyFigure,
            title: "Beläggningsgrad".into(),
            unit: "%".into(),
            months: vec!["jan".into(), "feb".into(), "mar".into()],
            series,
            note: None,
        }
    }

    fn line(name: &str, values: &[Option<i64>], style: SeriesStyle) -> SeriesDoc {
        SeriesDoc { name: name.into(), values: values.iter().map(|v| v.map(Decimal::from)).collect(), style }
    }

    #[test]
    fn every_series_is_stroked_in_its_colour_with_text_as_text() {
        let svg = chart_svg(&chart(vec![
            line("Somatik", &[Some(95), None, Some(97)], SeriesStyle::Line),
            line("Demens", &[Some(96), Some(94), Some(93)], SeriesStyle::Line),
            line("mål >= 95 %", &[Some(95); 3], SeriesStyle::Reference),
        ]));
        assert!(svg.starts_with("<svg"), "{svg}");
        for colour in [series_color(0), series_color(1), "#555555".into()] {
            assert!(svg.contains(&format!("stroke=\"{colour}\"")), "{colour} missing");
        }
        assert!(svg.contains(">\nSomatik\n</text>") && svg.contains(">\nmar\n</text>"), "{svg}");
        assert!(!svg.contains("http://") || svg.matches("http://").count() == svg.matches("xmlns=\"http://www.w3.org/2000/svg\"").count());
    }

    #[test]
    fn a_month_without_a_value_breaks_the_line() {
        let s = line("x", &[Some(1), None, Some(3), Some(4)], SeriesStyle::Line);
        assert_eq!(segments(&s), vec![vec![(0, 1.0)], vec![(2, 3.0), (3, 4.0)]]);
    }

    #[test]
    fn an_empty_chart_still_draws() {
        assert!(chart_svg(&chart(vec![])).contains("</svg>"));
    }
}
