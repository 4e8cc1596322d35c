using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Mynaportal;

// マイナポータルとの連携: 一人に一つ、一つの (発行者, sub) に一人
internal sealed class MynaportalLinkConfiguration : IEntityTypeConfiguration<MynaportalLink>
{
    public void Configure(EntityTypeBuilder<MynaportalLink> builder)
    {
        builder.HasKey(l => l.SeekerId);
        builder.HasIndex(l => new { l.Issuer, l.Subject }).IsUnique();
        builder.Property(l => l.Issuer).HasMaxLength(200);
        builder.Property(l => l.Subject).HasMaxLength(255);
        builder.HasOne<Seeker>().WithOne().HasForeignKey<MynaportalLink>(l => l.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
