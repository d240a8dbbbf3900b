import { TableScroll } from "~/components/table-scroll";
import type { Rubric } from "~/domain/rubric/schema";
import { LEVELS } from "~/domain/levels";

export function BandsTable({ bands }: { bands: Rubric["bands"] }) {
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: bands.currency, maximumFractionDigits: 0 });
  return (
    <section className="panel" aria-labelledby="bands-title">
      <h2 id="bands-title">Compensation bands</h2>
      <p className="muted">{bands.note}</p>
      <TableScroll label="Compensation bands table">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Base min</th>
              <th scope="col">Base mid</th>
              <th scope="col">Base max</th>
              <th scope="col">Equity per year</th>
              <th scope="col">Learning budget</th>
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((level) => {
              const band = bands.levels[level];
              if (!band) return null;
              return (
                <tr key={level}>
                  <th scope="row">{level}</th>
                  <td className="num">{money.format(band.base.min)}</td>
                  <td className="num">{money.format(band.base.mid)}</td>
                  <td className="num">{money.format(band.base.max)}</td>
                  <td className="num">
                    {money.format(band.equity.min)} – {money.format(band.equity.max)}
                  </td>
                  <td className="num">{money.format(band.learning_budget)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
