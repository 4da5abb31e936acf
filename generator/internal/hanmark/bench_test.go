package hanmark

import (
	"bytes"
	"testing"
)

// A page of English with a few Chinese terms, and the same page without
// them (the first-byte test alone), about the size of a guide page.
func benchPages() (withHan, without []byte) {
	para := []byte(`<p>Get a photo of the business licence (营业执照) and copy the 18-character <a href=/glossary/#uscc>USCC (统一社会信用代码)</a>; “quoted” – 30% <span lang=zh-Hans>诚信通</span>.</p>`)
	plain := []byte(`<p>Get a photo of the business licence and copy the 18-character <a href=/glossary/#uscc>USCC</a>; “quoted” – 30% of the price, paid after the goods are checked.</p>`)
	head := []byte(`<!doctype html><html lang=en><head><title>Verify the business licence</title><script>var x=1</script></head><body><main>`)
	return append(append([]byte{}, head...), bytes.Repeat(para, 100)...), append(append([]byte{}, head...), bytes.Repeat(plain, 100)...)
}

func BenchmarkPage(b *testing.B) {
	withHan, without := benchPages()
	for name, page := range map[string][]byte{"han": withHan, "no-han": without} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, _, err := Page(page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
