// A dealer's authorised sales area (授权销售区域) and where a scanned code was found. Areas are
// typed as "province" (the whole province) or "province/city", several separated by semicolons:
// "上海市；浙江省/杭州市". A scan is inside when one area names its province and either no city
// or the scan's city. Names compare after trimming and without a trailing 省/市 so "浙江" and
// "浙江省" are one place. docs/market-order.md.

export interface Area {
  province: string;
  city?: string;
}

export interface Place {
  province: string;
  city?: string | undefined;
}

const bare = (name: string) => name.trim().replace(/(省|市|自治区|特别行政区)$/u, '');

/** The areas of a typed list, or undefined when any part is malformed or none is given. */
export function parseAreas(text: string): Area[] | undefined {
  const parts = text
    .split(/[;；,，、\n]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const areas: Area[] = [];
  for (const part of parts) {
    const [province, city, extra] = part.split(/[/／]/u).map((name) => name.trim());
    if (!province || extra !== undefined || city === '') return undefined;
    areas.push(city === undefined ? { province } : { province, city });
  }
  return areas.length > 0 ? areas : undefined;
}

export function isInArea(place: Place, areas: readonly Area[]): boolean {
  return areas.some(
    (area) =>
      bare(area.province) === bare(place.province) &&
      (area.city === undefined ||
        (place.city !== undefined && bare(area.city) === bare(place.city))),
  );
}

/** Two places are one area when province and city (if either has one) agree. */
export function isSamePlace(a: Place, b: Place): boolean {
  return bare(a.province) === bare(b.province) && bare(a.city ?? '') === bare(b.city ?? '');
}
