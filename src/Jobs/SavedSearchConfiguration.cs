using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Jobs;

// 保存した求人検索条件: 枠は 1 から 3（PostgreSQL では PostgreSqlDb が列名を引用した制約に置き換える）
internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.HasIndex(s => new { s.SeekerId, s.Slot }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_SavedSearches_Slot", "Slot BETWEEN 1 AND 3"));
        builder.HasOne<Seeker>().WithMany().HasForeignKey(s => s.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
