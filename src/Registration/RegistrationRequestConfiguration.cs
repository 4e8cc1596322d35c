using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Registration;

// 開設の仮登録
internal sealed class RegistrationRequestConfiguration : IEntityTypeConfiguration<RegistrationRequest>
{
    public void Configure(EntityTypeBuilder<RegistrationRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.HasIndex(r => new { r.EmailTag, r.CreatedAt });
        builder.HasIndex(r => new { r.ClientTag, r.CreatedAt });
    }
}
