// Package csv reads and writes comma-separated values as RFC 4180 describes
// them, with the leniency that files saved by spreadsheets need. It is the
// checker's own code, written for this project: one reader serves the
// command-line tool and the browser (it is compiled into the WebAssembly
// build, so it stays small and uses no fmt), and both read every file the
// same way.
//
// What the Reader accepts:
//
//   - A UTF-8 byte order mark at the very start of the input is skipped;
//     columns on line 1 are counted after it.
//   - A line ends at CRLF, at LF, or at a CR alone (old Mac exports). Lines
//     are numbered from 1 and columns are 1-based byte offsets in a line.
//   - A record is one line, or more when a quoted field spans lines. Empty
//     lines are skipped, trailing ones included.
//   - Fields are separated by commas. A field that starts with a double
//     quote (after leading white space, with TrimLeadingSpace) is quoted:
//     it runs to the next quote not doubled, "" inside it stands for one ",
//     and it may hold commas and line breaks. Each line break in it, CRLF,
//     LF or CR, reads as a single LF.
//   - After a quoted field's closing quote comes a comma or the end of the
//     line; anything else is ErrQuote, and so is the end of the input before
//     the closing quote. A quote inside a field that is not quoted is
//     ErrBareQuote. Errors are a *ParseError naming the line and column:
//     of the bare quote, or of the closing quote that text follows.
//   - After a ParseError, reading goes on with the line after the one where
//     the error was found.
//
// Where it differs from encoding/csv, deliberately (encoding/csv is the
// oracle of the differential fuzz test in this package):
//
//   - encoding/csv reads a byte order mark as part of the first field (and a
//     quoted first field after it as a bare quote); this reader skips it.
//   - encoding/csv ends lines only at LF (and a CR before it); a CR alone is
//     field text to it, here it is a line break. Inside a quoted field a
//     lone CR reads as LF here, and stays CR there.
//   - The position of ErrQuote for a field never closed is its opening
//     quote, the place to look at, not the end of the input; ErrFieldCount
//     points at the first field too many, or at the end of a record that
//     is too short.
//   - With FieldsPerRecord 0, the count comes from the first record read
//     without error; encoding/csv takes it from the first record even when
//     that failed part way, and then rejects every good record after it.
//   - Only what the checker uses is here: the separator is always a comma,
//     quotes are always strict (no LazyQuotes), there are no comment lines.
//
// The Writer quotes a field as encoding/csv does (when it holds a comma, a
// quote or a line break, starts with white space, or is exactly \.), and
// also when it starts with a byte order mark or is the only field of its
// record and empty, so that everything it writes reads back the same. A
// line break inside a field is written as the Writer's own line ending.
package csv
