// Light or dark, following Office's theme: Office gives colours, not a
// name, so the pane decides from the luminance of the body background.
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeColors } from '../excel/port';

export type ThemeName = 'light' | 'dark';

/** Relative luminance (WCAG 2.x) of "#RRGGBB" or "#RGB"; null for anything else. */
export function luminance(color: string): number | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const channel = (offset: number) => {
    const value = parseInt(full.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Dark when Office's body background is dark; light when unknown (hosts without officeTheme). */
export function pickThemeName(theme: ThemeColors | null): ThemeName {
  const value = theme ? luminance(theme.bodyBackgroundColor) : null;
  // 0.18 is the luminance where white and black text have equal contrast.
  return value !== null && value < 0.18 ? 'dark' : 'light';
}

export function fluentTheme(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : webLightTheme;
}
