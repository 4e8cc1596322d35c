using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Sessions;

// サーバー側のログインセッション
internal sealed class SessionRecordConfiguration : IEntityTypeConfiguration<SessionRecord>
{
    public void Configure(EntityTypeBuilder<SessionRecord> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.SeekerId);
        builder.Property(s => s.EndedBy).HasMaxLength(30);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(s => s.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
