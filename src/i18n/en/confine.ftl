# confine
