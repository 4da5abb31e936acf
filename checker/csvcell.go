package checker

// Spreadsheet formula injection: a cell that starts with =, +, -, @, a tab
// or a carriage return is run as a formula by Excel, LibreOffice and Google
// Sheets when a CSV is opened (OWASP "CSV Injection"). Every CSV this
// project writes passes text cells through NeutraliseCell, which puts a
// single quote in front of such cells; the CSV reader passes every cell
// through RestoreCell, which removes exactly that quote again. So a value
// survives a round trip through the site, a spreadsheet and the command line
// unchanged, and a value that really starts with quotes and a formula
// character keeps them (one more quote is added, and removed).

// formulaStart reports whether s, after any leading single quotes, starts
// with a character a spreadsheet would read as the start of a formula.
func formulaStart(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	if i == len(s) {
		return false
	}
	switch s[i] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// NeutraliseCell returns s as it is safe to write in a CSV cell: with a
// single quote in front when a spreadsheet would otherwise run it as a
// formula (see RestoreCell for the inverse).
func NeutraliseCell(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}

// RestoreCell undoes NeutraliseCell: it removes the single quote that
// NeutraliseCell adds, and nothing else.
func RestoreCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && formulaStart(s[1:]) {
		return s[1:]
	}
	return s
}

// AppendCSVField appends one CSV cell: neutralised (NeutraliseCell), then
// quoted as encoding/csv quotes, when it holds a comma, quote or line break
// or starts with a space.
func AppendCSVField(b []byte, s string) []byte {
	s = NeutraliseCell(s)
	needQuotes := s != "" && (s[0] == ' ' || s[0] == '\t')
	for i := 0; i < len(s) && !needQuotes; i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			needQuotes = true
		}
	}
	if !needQuotes {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// EncodeCSV writes profiles as a CSV the checker reads back: a header row
// of every field id, then one row per profile with answers in their text
// form (lists joined with ";", "" for not known). The browser's CSV export
// calls it through the WebAssembly build.
func EncodeCSV(profiles []Profile) []byte {
	var b []byte
	for i, id := range defaultRules.ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, id...)
	}
	b = append(b, '\r', '\n')
	var cell []byte
	for _, p := range profiles {
		for i := range defaultRules.questions {
			if i > 0 {
				b = append(b, ',')
			}
			if i < len(p.answers) && p.answers[i].set {
				cell = appendAnswerText(cell[:0], &defaultRules.questions[i], &p.answers[i])
				b = AppendCSVField(b, string(cell))
			}
		}
		b = append(b, '\r', '\n')
	}
	return b
}
