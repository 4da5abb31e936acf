// Package benchdata writes the batch that the checker's CSV benchmarks
// score: profiles with random valid answers to every question of the
// current rules, about a fifth of them left blank, numbers written as people
// type them. The same bytes for a given row count, so runs compare.
package benchdata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"safesource.dev/safesource/checker"
)

// CSV returns a header and rows profiles. It panics only if the checker's
// own rules export cannot be read, which is a build defect, not input.
func CSV(rows int) []byte {
	data, _ := checker.RulesJSON()
	var rules struct {
		Questions []struct {
			ID     string   `json:"id"`
			Type   string   `json:"type"`
			Min    *float64 `json:"min"`
			Max    *float64 `json:"max"`
			Values []struct {
				Value string `json:"value"`
			} `json:"values"`
		} `json:"questions"`
	}
	if err := json.Unmarshal(data, &rules); err != nil {
		panic("benchdata: the checker's own rules export does not decode: " + err.Error())
	}
	rng := rand.New(rand.NewPCG(200, 0))
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := make([]string, len(rules.Questions))
	for i, q := range rules.Questions {
		header[i] = q.ID
	}
	w.Write(header)
	row := make([]string, len(header))
	for n := 0; n < rows; n++ {
		for i, q := range rules.Questions {
			row[i] = ""
			if rng.IntN(5) == 0 {
				continue // about a fifth of the answers unknown
			}
			switch q.Type {
			case "text":
				if q.ID == "uscc" {
					row[i] = []string{"91330100716105852F", "9144030071526726XG", "91330100716105852A"}[rng.IntN(3)]
				} else {
					row[i] = "Supplier " + strconv.Itoa(n)
				}
			case "enum":
				row[i] = q.Values[rng.IntN(len(q.Values))].Value
			case "list":
				var items []string
				for _, v := range q.Values {
					if rng.IntN(3) == 0 {
						items = append(items, v.Value)
					}
				}
				row[i] = strings.Join(items, ";")
			default:
				lo, hi := 0.0, 20000.0
				if q.Min != nil {
					lo = *q.Min
				}
				if q.Max != nil {
					hi = *q.Max
				}
				// Numbers as people type them: whole, or with one or two decimals.
				v := lo + rng.Float64()*(hi-lo)
				switch {
				case q.Type == "integer" || rng.IntN(2) == 0:
					v = math.Floor(v)
				default:
					v = math.Round(v*100) / 100
				}
				row[i] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}
