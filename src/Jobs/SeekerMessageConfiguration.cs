using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Jobs;

// 求職者あてのメッセージ
internal sealed class SeekerMessageConfiguration : IEntityTypeConfiguration<SeekerMessage>
{
    public void Configure(EntityTypeBuilder<SeekerMessage> builder)
    {
        builder.HasIndex(m => new { m.SeekerId, m.SentAt });
        builder.HasOne<Seeker>().WithMany().HasForeignKey(m => m.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
