//! The canonical printer (being written).
