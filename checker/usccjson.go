package checker

import "safesource.dev/safesource/checker/internal/area"

// AppendDecodedJSON appends the result of `checker uscc --format json` and
// the browser's USCC call: the keys of AppendJSON (code, valid, error,
// province), then what the code says (DecodeUSCC):
//
//	authority    registering authority (character 1): market_regulation,
//	             organisation_staffing, civil_affairs, … or unknown
//	entity_type  enterprise, individual_business, farmers_cooperative,
//	             government_or_public, social_organisation or other
//	area_code    characters 3-8, the GB/T 2260 code of the registering
//	             authority when the code was issued
//	area         {status, listed_until, province, province_pinyin, city,
//	             city_pinyin, district, district_pinyin}: status is listed,
//	             retired (listed_until gives the last revision, YYYYMM),
//	             unknown (not in the lists: unknown or retired) or national;
//	             names are Chinese as the list writes them, *_pinyin their
//	             romanisation; a level the list lacks is ""
//	summary      the sentence the text format prints
//
// Every key is always present; for an invalid code the decoded ones are ""
// (the area's too), since a mistyped code would decode to wrong facts.
func (r *USCCResult) AppendDecodedJSON(b []byte) []byte {
	e := DecodeUSCC(*r)
	b = r.AppendJSON(b)
	b = b[:len(b)-1] // reopen the object AppendJSON closed
	b = appendJSONKey(b, "authority", false)
	b = appendJSONString(b, e.Authority)
	b = appendJSONKey(b, "entity_type", false)
	b = appendJSONString(b, e.EntityType)
	b = appendJSONKey(b, "area_code", false)
	b = appendJSONString(b, e.AreaCode)
	b = appendJSONKey(b, "area", false)
	b = appendAreaJSON(b, e.Area)
	b = appendJSONKey(b, "summary", false)
	b = appendJSONString(b, e.Sentence(r.Province))
	return append(b, '}')
}

func appendAreaJSON(b []byte, a area.Result) []byte {
	b = appendJSONKey(append(b, '{'), "status", true)
	b = appendJSONString(b, a.Status)
	b = appendJSONKey(b, "listed_until", false)
	b = appendJSONString(b, a.ListedUntil)
	for _, level := range []struct {
		key string
		p   area.Place
	}{{"province", a.Province}, {"city", a.City}, {"district", a.District}} {
		b = appendJSONKey(b, level.key, false)
		b = appendJSONString(b, level.p.Name)
		b = appendJSONKey(b, level.key+"_pinyin", false)
		b = appendJSONString(b, level.p.Pinyin)
	}
	return append(b, '}')
}
