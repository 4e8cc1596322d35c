using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Jobs;

// 応募: 一つの求人に一件
internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.HasIndex(a => new { a.SeekerId, a.AppliedAt });
        builder.HasIndex(a => new { a.SeekerId, a.JobPostingId }).IsUnique();
        builder.HasOne<Seeker>().WithMany().HasForeignKey(a => a.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
