//! The board's charts as SVG, drawn by plotters' SVG backend.
