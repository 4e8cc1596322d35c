using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Mynaportal;

// 連携の見つからなかったマイナポータルのサインイン
internal sealed class PendingMynaportalSignInConfiguration : IEntityTypeConfiguration<PendingMynaportalSignIn>
{
    public void Configure(EntityTypeBuilder<PendingMynaportalSignIn> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.Issuer).HasMaxLength(200);
        builder.Property(p => p.Subject).HasMaxLength(255);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.ExpiresAt);
        builder.HasIndex(p => p.SeekerId);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(p => p.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
