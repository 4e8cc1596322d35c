using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.PasswordReset;

// パスワード再登録の申込み
internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.SeekerId);
        builder.HasIndex(r => new { r.LoginIdTag, r.CreatedAt });
        builder.HasIndex(r => new { r.ClientTag, r.CreatedAt });
        builder.HasIndex(r => new { r.BrowserTag, r.CreatedAt });
        builder.Property(r => r.BrowserTag).HasMaxLength(64);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
