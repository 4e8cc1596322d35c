using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Security;

// サイトの鍵（保護して置く）
internal sealed class SiteSecretConfiguration : IEntityTypeConfiguration<SiteSecret>
{
    public void Configure(EntityTypeBuilder<SiteSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}
