package names

// chineseGeneric lists what many unrelated Chinese company names share and
// so does not tell them apart: legal forms and words for a line of
// business. Longest first, since each is removed in turn. Our own list.
var chineseGeneric = []string{
	"股份有限公司", "有限责任公司", "有限公司", "分公司", "公司",
	"进出口", "供应链", "科技", "技术", "贸易", "商贸", "工贸", "实业", "国际", "集团",
	"控股", "发展", "电子", "工业", "制造", "工厂",
	"商行", "经营部", "门市部", "商店", "工作室",
}

// chineseEndings are single characters set aside only at the end of a
// name, where they name the kind of business (华强电子厂, 佳美店).
var chineseEndings = []string{"厂", "店", "行"}

// latinGeneric is the same for English names, upper case.
var latinGeneric = map[string]bool{
	"CO": true, "COMPANY": true, "LTD": true, "LIMITED": true, "CORPORATION": true, "CORP": true, "INC": true, "LLC": true, "GROUP": true, "HOLDINGS": true,
	"TECHNOLOGY": true, "TECHNOLOGIES": true, "TECH": true, "SCIENCE": true, "TRADING": true, "TRADE": true,
	"INDUSTRIAL": true, "INDUSTRY": true, "INDUSTRIES": true, "INTERNATIONAL": true, "INTL": true,
	"IMPORT": true, "EXPORT": true, "IMP": true, "EXP": true, "AND": true, "DEVELOPMENT": true,
	"ELECTRONIC": true, "ELECTRONICS": true, "MANUFACTURING": true, "FACTORY": true, "SUPPLY": true, "CHAIN": true,
}
