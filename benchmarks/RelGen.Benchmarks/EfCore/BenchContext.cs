using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RelGen.Benchmarks.EfCore;

/// <summary>An EF Core context over the same tables RelGen created.</summary>
public sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
{
    public DbSet<EfArticle> Articles => Set<EfArticle>();
    public DbSet<EfReporter> Reporters => Set<EfReporter>();

    public static DbContextOptions<BenchContext> Options(NpgsqlDataSource dataSource)
        => new DbContextOptionsBuilder<BenchContext>().UseNpgsql(dataSource).Options;

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<EfReporter>(e =>
        {
            e.ToTable("reporter");
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.FirstName).HasColumnName("first_name");
            e.Property(r => r.LastName).HasColumnName("last_name");
            e.Property(r => r.Email).HasColumnName("email");
        });
        model.Entity<EfArticle>(e =>
        {
            e.ToTable("article");
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.Headline).HasColumnName("headline");
            e.Property(a => a.PubDate).HasColumnName("pub_date");
            e.Property(a => a.Views).HasColumnName("views");
            e.Property(a => a.ReporterId).HasColumnName("reporter_id");
            e.HasOne(a => a.Reporter).WithMany(r => r.Articles).HasForeignKey(a => a.ReporterId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
