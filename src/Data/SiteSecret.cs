namespace MyPage.Data;

// サイトの秘密の鍵（Data Protection で保護した値だけを置く）。どのインスタンスも同じ鍵を使う。
internal class SiteSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
