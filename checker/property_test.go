package checker

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Sample credit codes for random profiles: valid ones and ones that fail.
var sampleCodes = []string{
	"91330100716105852F", "9144030071526726XG", "914403001922038216", "91110000802100433B",
	"91330100716105852A", "9133010071610585", "9199010071610585XX", "91I30100716105852F",
}

// interestingNumbers returns values of a number question around every
// threshold the rules use, plus its bounds, so random profiles hit the edges.
func interestingNumbers(qi int) []float64 {
	q := &defaultRules.questions[qi]
	set := map[float64]bool{}
	add := func(v float64) {
		if q.hasMin && v < q.min || q.hasMax && v > q.max {
			return
		}
		if q.typ == typeInteger {
			v = math.Round(v)
		}
		set[v] = true
	}
	for _, list := range [][]rule{defaultRules.rules, defaultRules.positives} {
		for _, r := range list {
			for _, cl := range r.when.clauses {
				if int(cl.q) == qi && cl.op >= opLT {
					for _, d := range []float64{-1, -0.5, 0, 0.5, 1} {
						add(cl.num + d)
					}
				}
			}
		}
	}
	add(q.min)
	add(q.min + 1000)
	if q.hasMax {
		add(q.max)
	}
	out := make([]float64, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// randomProfile answers each question at random, leaving about a quarter unknown.
func randomProfile(rng *rand.Rand, unknownShare float64) Profile {
	var p Profile
	for i := range defaultRules.questions {
		q := &defaultRules.questions[i]
		if rng.Float64() < unknownShare {
			continue
		}
		// The documents' names and codes (rules v4) are typed in one
		// profile in six, so most profiles still reach every other rule.
		if slices.Contains(documentFields, q.id) && rng.IntN(6) > 0 {
			continue
		}
		var problem string
		switch q.typ {
		case typeEnum:
			problem = p.setText(i, q.values[rng.IntN(len(q.values))].value, true)
		case typeList:
			var items []string
			for _, v := range q.values {
				if rng.IntN(3) == 0 {
					items = append(items, v.value)
				}
			}
			problem = p.setList(i, slices.Values(items), true)
		case typeNumber, typeInteger:
			nums := interestingNumbers(i)
			problem = p.setNumber(i, nums[rng.IntN(len(nums))], true)
		case typeText:
			switch {
			case q.id == "contract_uscc" && rng.IntN(4) > 0 && p.Get("uscc") != "":
				problem = p.setText(i, p.Get("uscc"), true) // mostly the licence's own code
			case q.format == "uscc" || q.id == "contract_uscc":
				problem = p.setText(i, sampleCodes[rng.IntN(len(sampleCodes))], true)
			case slices.Contains(documentNameFields, q.id):
				problem = p.setText(i, sampleNames[rng.IntN(len(sampleNames))], true)
			default:
				problem = p.setText(i, "Supplier "+strconv.Itoa(rng.IntN(1000)), true)
			}
		}
		if problem != "" {
			panic("random profile: " + q.id + ": " + problem)
		}
	}
	return p
}

// documentNameFields are the names copied from the documents, which the
// checker compares; sampleNames mostly agree, so that random profiles also
// reach the answers the other rules read, and include a lookalike, another
// company and an English name.
var (
	documentNameFields = []string{"licence_name", "contract_name", "seal_name", "payee_name"}
	documentFields     = append(slices.Clone(documentNameFields), "contract_uscc", "payee_bank_country")
	sampleNames        = []string{"深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳市华强电子有限公司",
		"深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳市 华强电子有限公司",
		"深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳市华强电子有限公司", "深圳华强电子科技有限公司", "义乌市晨光日用品有限公司", "Shenzhen Huaqiang Electronics Co., Ltd."}
)

func bandIndex(t testing.TB, band string) int {
	i := slices.Index(bandNames[:], band)
	if i < 0 {
		t.Fatalf("unknown band %q", band)
	}
	return i
}

// riskierVariants returns copies of p with question i changed to each
// strictly riskier answer: a higher risk rank, a number in the riskier
// direction, or a list with fewer badges.
func riskierVariants(p Profile, i int) []Profile {
	q := &defaultRules.questions[i]
	if i >= len(p.answers) || !p.answers[i].set {
		return nil
	}
	a := p.answers[i]
	var out []Profile
	switch q.typ {
	case typeEnum:
		for j, v := range q.values {
			if v.risk > q.values[a.val].risk {
				v2 := p.Clone()
				v2.answers[i].val = uint8(j)
				out = append(out, v2)
			}
		}
	case typeNumber, typeInteger:
		for _, n := range interestingNumbers(i) {
			if (q.riskier == "lower" && n < a.num) || (q.riskier == "higher" && n > a.num) {
				v2 := p.Clone()
				v2.answers[i].num = n
				out = append(out, v2)
			}
		}
	case typeList:
		for j := range q.values {
			if a.bits&(1<<j) != 0 {
				v2 := p.Clone()
				v2.answers[i].bits &^= 1 << j
				out = append(out, v2)
			}
		}
	}
	return out
}

// Policy 9: a riskier answer never lowers the score or the band.
func TestMonotonic(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	checks := 0
	for n := 0; n < 2000; n++ {
		p := randomProfile(rng, 0.25)
		base := Score(p)
		for i := range defaultRules.questions {
			for _, v := range riskierVariants(p, i) {
				r := Score(v)
				checks++
				if r.Score < base.Score || bandIndex(t, r.Band) < bandIndex(t, base.Band) {
					t.Fatalf("%s: riskier answer %q lowered the result from %d/%s to %d/%s\nprofile: %s",
						defaultRules.questions[i].id, v.Get(defaultRules.questions[i].id), base.Score, base.Band, r.Score, r.Band, p.AppendJSON(nil))
				}
			}
		}
	}
	if checks < 10000 {
		t.Fatalf("only %d monotonicity checks ran", checks)
	}
}

// Policy 7: forgetting an answer never adds a finding.
func TestUnknownNeverAddsFindings(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for n := 0; n < 2000; n++ {
		p := randomProfile(rng, 0.1)
		base := ids(Score(p).Findings)
		for i := range defaultRules.questions {
			v := p.Clone()
			v.clear(i)
			if q := &defaultRules.questions[i]; q.unansweredAs >= 0 {
				// The one documented exception: an unanswered platform is
				// scored exactly as the strictest one (policy 13).
				w := p.Clone()
				if problem := w.setText(i, q.values[q.unansweredAs].value, true); problem != "" {
					t.Fatal(problem)
				}
				if a, b := Score(v), Score(w); !slices.Equal(ids(a.Findings), ids(b.Findings)) || a.Score != b.Score {
					t.Fatalf("clearing %s scored %d %v, not as %q: %d %v", q.id, a.Score, ids(a.Findings), q.values[q.unansweredAs].value, b.Score, ids(b.Findings))
				}
				continue
			}
			for _, id := range ids(Score(v).Findings) {
				if !slices.Contains(base, id) {
					t.Fatalf("clearing %s added finding %s\nprofile: %s", defaultRules.questions[i].id, id, p.AppendJSON(nil))
				}
			}
		}
	}
}

// satisfy returns a copy of p changed so that rule r's clauses hold, or false.
func satisfy(p Profile, r *rule) (Profile, bool) {
	v := p.Clone()
	if v.answers == nil {
		v.answers = make([]answer, len(defaultRules.questions))
	}
	for _, cl := range r.when.clauses {
		q := &defaultRules.questions[cl.q]
		a := &v.answers[cl.q]
		switch {
		case int(cl.q) == defaultRules.usccQ:
			code := "91330100716105852F"
			if cl.mask&usccInvalidBit != 0 {
				code = "91330100716105852A"
			}
			*a = answer{set: true, text: code}
		case cl.op == opIs:
			j := 0
			for cl.mask&(1<<j) == 0 {
				j++
			}
			*a = answer{set: true, val: uint8(j)}
		case cl.op == opHas:
			j := 0
			for cl.mask&(1<<j) == 0 {
				j++
			}
			bits := uint64(0)
			if a.set {
				bits = a.bits
			}
			*a = answer{set: true, bits: bits | 1<<j}
		default:
			n := map[clauseOp]float64{opLT: cl.num - 1, opLE: cl.num, opGT: cl.num + 1, opGE: cl.num}[cl.op]
			if q.hasMin {
				n = max(n, q.min)
			}
			*a = answer{set: true, num: n}
		}
	}
	return v, slices.Contains(ids(Score(v).Findings), r.id)
}

// Policy 11: a new finding always raises the score (below the cap), however
// many positives the profile has.
func TestFindingNeverErased(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	checks := 0
	for n := 0; n < 1500; n++ {
		p := randomProfile(rng, 0.2)
		base := Score(p)
		for k := range defaultRules.rules {
			r := &defaultRules.rules[k]
			if slices.Contains(ids(base.Findings), r.id) {
				continue
			}
			v, ok := satisfy(p, r)
			if !ok {
				continue
			}
			got := Score(v)
			added := !slices.ContainsFunc(ids(base.Findings), func(id string) bool { return !slices.Contains(ids(got.Findings), id) })
			fewerPositives := !slices.ContainsFunc(ids(got.Positives), func(id string) bool { return !slices.Contains(ids(base.Positives), id) })
			if !added || !fewerPositives {
				continue // the change also removed a finding or added a positive
			}
			checks++
			if got.Score <= base.Score && base.Score < 100 {
				t.Fatalf("adding %s did not raise the score (%d -> %d)\nprofile: %s", r.id, base.Score, got.Score, p.AppendJSON(nil))
			}
		}
	}
	if checks < 5000 {
		t.Fatalf("only %d checks ran", checks)
	}
}

// The score is exactly the documented method, and the band honours the
// severity and confidence floors (policies 6 and 7).
func TestScoreFollowsMethod(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	for n := 0; n < 5000; n++ {
		p := randomProfile(rng, rng.Float64())
		r := Score(p)
		red, off, floor := 0, 0, 0
		for _, f := range r.Findings {
			red += f.Points
			floor = max(floor, bandIndex(t, f.Severity))
		}
		for _, f := range r.Positives {
			off -= f.Points
		}
		if want := min(100, red-min(off, red/2)); r.Score != want {
			t.Fatalf("score %d, method gives %d (red %d, off %d)", r.Score, want, red, off)
		}
		band := bandIndex(t, r.Band)
		if band < floor {
			t.Fatalf("band %s is below the worst finding's severity %s", r.Band, bandNames[floor])
		}
		if r.Confidence < 0.5 && band < bandModerate {
			t.Fatalf("band %s with confidence %v", r.Band, r.Confidence)
		}
		if len(r.Findings) == 0 && r.Score != 0 {
			t.Fatalf("no findings but score %d", r.Score)
		}
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v out of range", r.Confidence)
		}
	}
}

// The same profile written to JSON and read back scores the same.
func TestProfileJSONRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		p := randomProfile(rng, rng.Float64())
		if !p.Answered() {
			continue // a file with nothing answered is a problem (see TestUnansweredIsAProblem)
		}
		data := p.AppendJSON(nil)
		list, err := DecodeJSON("roundtrip", data)
		if err != nil || len(list) != 1 {
			t.Fatalf("decode %s: %v", data, err)
		}
		if again := list[0].AppendJSON(nil); string(again) != string(data) {
			t.Fatalf("round trip changed the profile:\n%s\n%s", data, again)
		}
		a, b := Score(p), Score(list[0])
		if string(a.AppendJSON(nil)) != string(b.AppendJSON(nil)) {
			t.Fatalf("round trip changed the result for %s", data)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	profiles := make([]Profile, 1024)
	for i := range profiles {
		profiles[i] = randomProfile(rng, 0.2)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Score(profiles[i&1023])
		i++
	}
}

// BenchmarkScorer is BenchmarkScore with memory reused across profiles, as
// the batch command scores.
func BenchmarkScorer(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	profiles := make([]Profile, 1024)
	for i := range profiles {
		profiles[i] = randomProfile(rng, 0.2)
	}
	var s Scorer
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.Score(&profiles[i&1023])
		i++
	}
}

// Policy 15: improvements only name answers the buyer can change, each to
// its safest value; each lowers the score, and its score_after is exactly
// the score of the profile with that one answer changed. They are the best
// three such changes, largest drop first.
func TestImprovements(t *testing.T) {
	actionable := []string{"payment_method", "contract", "samples", "preshipment_inspection", "factory_check", "tracking", "payee"}
	var got []string
	for _, qi := range defaultRules.actionable {
		got = append(got, defaultRules.questions[qi].id)
	}
	slices.Sort(got)
	slices.Sort(actionable)
	if !slices.Equal(got, actionable) {
		t.Fatalf("actionable questions = %v, want %v", got, actionable)
	}
	rng := rand.New(rand.NewPCG(15, 15))
	var s Scorer
	listed := 0
	for n := 0; n < 3000; n++ {
		p := randomProfile(rng, rng.Float64()*0.6)
		r := Score(p)
		if again := s.Score(&p); !slices.Equal(again.Improvements, r.Improvements) {
			t.Fatalf("Scorer and Score disagree: %v vs %v", again.Improvements, r.Improvements)
		}
		// Every change the rules allow, scored from scratch.
		var all []Improvement
		for _, qi := range defaultRules.actionable {
			q := &defaultRules.questions[qi]
			to := q.values[q.improve.to].value
			if p.Get(q.id) == to {
				continue
			}
			v := p.Clone()
			if err := v.Set(q.id, to); err != nil {
				t.Fatal(err)
			}
			if after := Score(v).Score; after < r.Score {
				all = append(all, Improvement{Question: q.id, Answer: to, ScoreAfter: after})
			}
		}
		if len(r.Improvements) != min(len(all), maxImprovements) {
			t.Fatalf("%d improvements listed, %d changes lower the score\nprofile: %s", len(r.Improvements), len(all), p.AppendJSON(nil))
		}
		for i, m := range r.Improvements {
			listed++
			if !slices.Contains(actionable, m.Question) {
				t.Fatalf("improvement on %s, which the buyer cannot change", m.Question)
			}
			v := p.Clone()
			if err := v.Set(m.Question, m.Answer); err != nil {
				t.Fatal(err)
			}
			direct := Score(v).Score
			if m.ScoreAfter != direct || m.ScoreAfter >= r.Score {
				t.Fatalf("%s=%s: score_after %d, scoring it directly gives %d, now %d\nprofile: %s", m.Question, m.Answer, m.ScoreAfter, direct, r.Score, p.AppendJSON(nil))
			}
			if i > 0 && r.Improvements[i-1].ScoreAfter > m.ScoreAfter {
				t.Fatalf("improvements out of order: %v", r.Improvements)
			}
			if m.Text == "" || m.Guide == "" {
				t.Fatalf("%s has no text or guide", m.Question)
			}
		}
		// No unlisted change beats the last listed one.
		if k := len(r.Improvements); k == maxImprovements {
			for _, c := range all {
				if c.ScoreAfter < r.Improvements[k-1].ScoreAfter && !slices.ContainsFunc(r.Improvements, func(m Improvement) bool { return m.Question == c.Question }) {
					t.Fatalf("%s=%s (%d) beats the listed %v", c.Question, c.Answer, c.ScoreAfter, r.Improvements)
				}
			}
		}
	}
	if listed < 1500 {
		t.Fatalf("only %d improvements checked", listed)
	}
}

// Policies 12 and 14: each answer the new questions add sets at least the
// band its policy names, whatever else the profile holds.
func TestEntityAndPayeeFloors(t *testing.T) {
	floors := map[string]string{
		"registry_status=revoked_or_cancelled": "critical", "registry_status=not_found": "critical",
		"registry_status=abnormal_operations": "high", "court_enforcement=dishonest_debtor": "high",
		"court_enforcement=enforcement_records": "low", "payee=individual": "critical", "payee=other_company": "high",
		"bank_details_changed=yes": "high",
	}
	rng := rand.New(rand.NewPCG(12, 14))
	for n := 0; n < 1000; n++ {
		p := randomProfile(rng, rng.Float64())
		base := Score(p)
		for kv, floor := range floors {
			field, value, _ := strings.Cut(kv, "=")
			v := p.Clone()
			if err := v.Set(field, value); err != nil {
				t.Fatal(err)
			}
			r := Score(v)
			if bandIndex(t, r.Band) < bandIndex(t, floor) {
				t.Fatalf("%s gives band %s, want at least %s\nprofile: %s", kv, r.Band, floor, v.AppendJSON(nil))
			}
			if len(r.Findings) == 0 {
				t.Fatalf("%s adds no finding", kv)
			}
			if kv == "bank_details_changed=yes" && (len(r.Actions) == 0 || r.Actions[0].ID != "confirm-bank-details") {
				t.Fatalf("with changed bank details the first action is %v", actionIDs(r.Actions))
			}
			if p.Get(field) == "" && r.Score < base.Score {
				t.Fatalf("answering %s lowered the score %d -> %d", kv, base.Score, r.Score)
			}
		}
	}
}
