using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Jobs;

// 求人者からのリクエスト求人: 一つの求人に一件
internal sealed class JobRequestConfiguration : IEntityTypeConfiguration<JobRequest>
{
    public void Configure(EntityTypeBuilder<JobRequest> builder)
    {
        builder.HasIndex(r => new { r.SeekerId, r.RequestedAt });
        builder.HasIndex(r => new { r.SeekerId, r.JobPostingId }).IsUnique();
        builder.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
