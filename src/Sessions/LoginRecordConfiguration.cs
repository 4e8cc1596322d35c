using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Sessions;

// ログイン履歴
internal sealed class LoginRecordConfiguration : IEntityTypeConfiguration<LoginRecord>
{
    public void Configure(EntityTypeBuilder<LoginRecord> builder)
    {
        builder.HasIndex(r => new { r.SeekerId, r.At });
        builder.Property(r => r.Method).HasMaxLength(20);
        builder.Property(r => r.Browser).HasMaxLength(100);
        builder.Property(r => r.Client).HasMaxLength(60);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
