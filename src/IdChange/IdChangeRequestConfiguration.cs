using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Account;
using MyPage.Data;

namespace MyPage.IdChange;

// ID(メールアドレス)の変更の申込み
internal sealed class IdChangeRequestConfiguration : IEntityTypeConfiguration<IdChangeRequest>
{
    public void Configure(EntityTypeBuilder<IdChangeRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.NewEmail).HasMaxLength(LoginId.MaxLength);
        builder.HasIndex(r => new { r.SeekerId, r.CreatedAt });
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
