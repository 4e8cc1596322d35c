using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.OneTimePassword;

// ワンタイムパスワードを待つログイン
internal sealed class PendingLoginConfiguration : IEntityTypeConfiguration<PendingLogin>
{
    public void Configure(EntityTypeBuilder<PendingLogin> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ReturnUrl).HasMaxLength(2000);
        builder.Property(p => p.SecurityStamp).HasMaxLength(100);
        builder.HasIndex(p => p.ExpiresAt);
        builder.HasIndex(p => p.SeekerId);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(p => p.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
