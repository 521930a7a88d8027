//! The nämndrapport as one self-contained HTML file.
