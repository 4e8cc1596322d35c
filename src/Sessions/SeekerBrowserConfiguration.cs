using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Sessions;

// 求職者がログインに使ったブラウザ
internal sealed class SeekerBrowserConfiguration : IEntityTypeConfiguration<SeekerBrowser>
{
    public void Configure(EntityTypeBuilder<SeekerBrowser> builder)
    {
        builder.HasIndex(b => new { b.SeekerId, b.BrowserTag }).IsUnique();
        builder.Property(b => b.BrowserTag).HasMaxLength(64);
        builder.Property(b => b.Description).HasMaxLength(100);
        builder.HasOne<Seeker>().WithMany().HasForeignKey(b => b.SeekerId).OnDelete(DeleteBehavior.Cascade);
    }
}
