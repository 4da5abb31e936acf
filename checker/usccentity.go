package checker

import (
	"strings"

	"safesource.dev/safesource/checker/internal/area"
)

// USCCEntity is what a valid credit code says about its holder beyond the
// check character (GB 32100-2015): character 1, the registering authority;
// character 2, the kind of entity that authority registered; characters 3-8,
// the GB/T 2260 area code of the registering authority when the code was
// issued (a company that moves keeps its code).
type USCCEntity struct {
	Authority  string // an id from usccAuthorities, "unknown" when not listed
	EntityType string // EntityEnterprise … EntityOther
	AreaCode   string
	Area       area.Result
}

// The entity_type values, a public contract.
const (
	EntityEnterprise         = "enterprise"
	EntityIndividualBusiness = "individual_business" // 个体工商户
	EntityFarmersCooperative = "farmers_cooperative"
	EntityGovernmentOrPublic = "government_or_public"
	EntitySocialOrganisation = "social_organisation"
	EntityOther              = "other"
)

// usccAuthority is one registering authority (character 1) and how the
// entity kinds it registers (character 2) map to an entity_type.
type usccAuthority struct {
	id    string
	kinds map[byte]string // character 2 -> entity_type; absent -> fallback
	other string          // entity_type of a kind not in kinds
}

// usccAuthorities follows the code table of registering authorities and
// entity kinds used with GB 32100-2015. The standard's own text gives only
// examples (authority 9 with kinds 1 enterprise, 2 个体工商户, 3 农民专业合作社;
// 1 机构编制 with 1 机关, 2 事业单位, 3 群众团体; 5 民政 with 1 社会团体,
// 2 民办非企业单位, 3 基金会); the full list (2 外交, 3 司法行政, 4 文化,
// 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室, N 农业, Y 其他) was read
// in secondary sources quoting it, not in the standard, and no package
// carries it. Which entity_type each kind maps to is our policy: bodies of
// the state are government_or_public, membership and non-profit bodies
// social_organisation, and what is neither a business nor those is other.
var usccAuthorities = map[byte]usccAuthority{
	'1': {"organisation_staffing", map[byte]string{'3': EntitySocialOrganisation}, EntityGovernmentOrPublic},
	'2': {"foreign_affairs", nil, EntityOther},
	'3': {"justice", nil, EntityOther},
	'4': {"culture", nil, EntityOther},
	'5': {"civil_affairs", nil, EntitySocialOrganisation},
	'6': {"tourism", nil, EntityOther},
	'7': {"religious_affairs", nil, EntitySocialOrganisation},
	'8': {"trade_union", nil, EntitySocialOrganisation},
	'9': {"market_regulation", map[byte]string{'1': EntityEnterprise, '2': EntityIndividualBusiness, '3': EntityFarmersCooperative}, EntityOther},
	'A': {"military_staffing", nil, EntityGovernmentOrPublic},
	'N': {"agriculture", nil, EntityOther},
	'Y': {"other", nil, EntityOther},
}

// DecodeUSCC reads characters 1-8 of a valid code; an invalid code yields
// the zero USCCEntity, since a mistyped code would decode to wrong facts.
func DecodeUSCC(r USCCResult) USCCEntity {
	if !r.Valid {
		return USCCEntity{}
	}
	e := USCCEntity{AreaCode: r.Code[2:8]}
	e.Authority, e.EntityType = usccKind(r.Code)
	e.Area = area.Lookup(e.AreaCode)
	return e
}

// usccKind reads the registering authority and the entity_type from
// characters 1 and 2 of a valid code, without the area lookup (scoring
// needs only the entity_type).
func usccKind(code string) (authority, entityType string) {
	a, ok := usccAuthorities[code[0]]
	if !ok {
		return "unknown", EntityOther
	}
	if t, ok := a.kinds[code[1]]; ok {
		return a.id, t
	}
	return a.id, a.other
}

// entityPhrases names each entity_type in a sentence; entityNotes follow
// the sentence for the kinds that are not a company.
var entityPhrases = map[string]string{
	EntityEnterprise:         "an enterprise",
	EntityIndividualBusiness: "an individual business (个体工商户)",
	EntityFarmersCooperative: "a farmers' cooperative",
	EntityGovernmentOrPublic: "a government or public body",
	EntitySocialOrganisation: "a social organisation",
	EntityOther:              "a body other than a company or an individual business",
}

var entityNotes = map[string]string{
	EntityIndividualBusiness: " An individual business is a person's or a family's trade, not a company.",
	EntityGovernmentOrPublic: " That is not a business.",
	EntitySocialOrganisation: " That is not a business.",
}

// Sentence says in English what the code says, e.g. "Registered as an
// enterprise in 浙江省金华市义乌市 (Yiwu, Jinhua, Zhejiang)." province is the
// English province name (USCCResult.Province); "" for an invalid code.
func (e USCCEntity) Sentence(province string) string {
	if e.EntityType == "" {
		return ""
	}
	return e.where("Registered as "+entityPhrases[e.EntityType], province) + entityNotes[e.EntityType]
}

// where completes s with the area the code names.
func (e USCCEntity) where(s, province string) string {
	a := e.Area
	switch a.Status {
	case area.National:
		return s + " at the central (national) level."
	case area.Unknown:
		if a.Province.Name == "" {
			return s + "; area code " + e.AreaCode + " is not in the GB/T 2260 lists the checker has (unknown or retired)."
		}
		return s + " in " + areaNames(a, province) + "; area code " + e.AreaCode + " itself is not in the GB/T 2260 lists the checker has (unknown or retired)."
	case area.Retired:
		return s + " in " + areaNames(a, province) + ", under area code " + e.AreaCode + ", last listed in GB/T 2260 in " + a.ListedUntil[:4] + "-" + a.ListedUntil[4:] + " and retired since."
	}
	return s + " in " + areaNames(a, province) + "."
}

// areaNames writes "浙江省金华市义乌市 (Yiwu, Jinhua, Zhejiang)": the Chinese
// names from the province down, then the romanised ones from the district
// up, with the English province name where the checker has one.
func areaNames(a area.Result, province string) string {
	var zh strings.Builder
	var en []string
	for _, p := range []area.Place{a.District, a.City, a.Province} {
		if p.Name != "" {
			en = append(en, p.Pinyin)
		}
	}
	for _, p := range []area.Place{a.Province, a.City, a.District} {
		zh.WriteString(p.Name)
	}
	if province != "" && a.Province.Name != "" {
		en[len(en)-1] = province
	}
	if len(en) == 0 {
		return zh.String()
	}
	return zh.String() + " (" + strings.Join(en, ", ") + ")"
}
