import { Box } from '@mantine/core';

export interface SeasonalityPoint {
  /** The month's short name. */
  label: string;
  /** Mean revenue of that calendar month in the history, minor units; null when none. */
  revenueMinor: number | null;
  coefficient: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 40, bottom: 24, left: 12 };

/**
 * History bars (mean revenue per calendar month) with the coefficient line over them. Drawn as
 * plain SVG: twelve bars and one line need no chart library.
 */
export function SeasonalityChart({ points, title }: { points: SeasonalityPoint[]; title: string }) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, points.length);
  const maxRevenue = Math.max(1, ...points.map((p) => p.revenueMinor ?? 0));
  const maxCoefficient = Math.max(1.5, ...points.map((p) => p.coefficient));
  const y = (share: number) => PAD.top + plotH * (1 - share);
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${PAD.left + step * (i + 0.5)},${y(p.coefficient / maxCoefficient)}`)
    .join(' ');
  return (
    <Box component="figure" m={0} data-testid="seasonality-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={title}>
        {points.map((p, i) => {
          const h = ((p.revenueMinor ?? 0) / maxRevenue) * plotH;
          return (
            <g key={p.label}>
              <rect
                x={PAD.left + step * i + step * 0.15}
                y={PAD.top + plotH - h}
                width={step * 0.7}
                height={h}
                fill="var(--mantine-color-blue-2)"
              />
              <text
                x={PAD.left + step * (i + 0.5)}
                y={HEIGHT - 6}
                fontSize={11}
                textAnchor="middle"
                fill="currentColor"
              >
                {p.label}
              </text>
            </g>
          );
        })}
        <line
          x1={PAD.left}
          x2={PAD.left + plotW}
          y1={y(1 / maxCoefficient)}
          y2={y(1 / maxCoefficient)}
          stroke="var(--mantine-color-gray-4)"
          strokeDasharray="4 4"
        />
        <text x={PAD.left + plotW + 4} y={y(1 / maxCoefficient) + 4} fontSize={11} fill="currentColor">
          1,0
        </text>
        <path d={line} fill="none" stroke="var(--mantine-color-orange-6)" strokeWidth={2} />
        {points.map((p, i) => (
          <circle
            key={p.label}
            cx={PAD.left + step * (i + 0.5)}
            cy={y(p.coefficient / maxCoefficient)}
            r={3}
            fill="var(--mantine-color-orange-6)"
          />
        ))}
      </svg>
    </Box>
  );
}
