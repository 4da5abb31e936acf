package checker

// AppendJSON appends the entity section of a result's JSON:
//
//	uscc          the licence's credit code, decoded (USCCResult.AppendDecodedJSON), or null
//	documents     [{document, field, value, match, compared_with}], one per document given:
//	              document is licence, contract, seal, payee or contract_code; match is
//	              reference, same, lookalike, different, not_comparable or not_compared
//	bank_country  payee_bank_country, "" when not given
//	set_aside     [{question, answer, reason}]: judgement answers the documents overrode
func (e *Entity) AppendJSON(b []byte) []byte {
	b = appendJSONKey(append(b, '{'), "uscc", true)
	if e.USCC != nil {
		b = e.USCC.AppendDecodedJSON(b)
	} else {
		b = append(b, "null"...)
	}
	b = appendJSONKey(b, "documents", false)
	b = append(b, '[')
	for i := range e.Documents {
		if i > 0 {
			b = append(b, ',')
		}
		d := &e.Documents[i]
		b = appendJSONKey(append(b, '{'), "document", true)
		b = appendJSONString(b, d.Document())
		b = appendJSONKey(b, "field", false)
		b = appendJSONString(b, d.Field())
		b = appendJSONKey(b, "value", false)
		b = appendJSONString(b, d.Value)
		b = appendJSONKey(b, "match", false)
		b = appendJSONString(b, d.Match())
		b = appendJSONKey(b, "compared_with", false)
		b = appendJSONString(b, d.ComparedWith())
		b = append(b, '}')
	}
	b = append(b, ']')
	b = appendJSONKey(b, "bank_country", false)
	b = appendJSONString(b, e.BankCountry)
	b = appendJSONKey(b, "set_aside", false)
	b = append(b, '[')
	for i := range e.SetAside {
		if i > 0 {
			b = append(b, ',')
		}
		s := &e.SetAside[i]
		b = appendJSONKey(append(b, '{'), "question", true)
		b = appendJSONString(b, s.Question)
		b = appendJSONKey(b, "answer", false)
		b = appendJSONString(b, s.Answer)
		b = appendJSONKey(b, "reason", false)
		b = appendJSONString(b, s.Reason)
		b = append(b, '}')
	}
	return append(b, ']', '}')
}
