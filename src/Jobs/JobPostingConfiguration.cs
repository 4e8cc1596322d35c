using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Jobs;

// 求人票: 求人番号は一意
internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> builder)
    {
        builder.HasIndex(j => j.Number).IsUnique();
        builder.Property(j => j.Number).HasMaxLength(14);
    }
}
