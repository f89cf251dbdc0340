import type { TLocale } from '@clientela/contract';
import type { Ctx } from '../../http/context.ts';
import { putExchangeRates, updateCurrencySettings } from '../currencies/currencies.service.ts';
import { createDeal } from '../deals/deals.service.ts';
import { listLostReasons, listPipelines } from '../deals/pipelines.service.ts';
import { createCategory, createPriceList, createProduct } from '../products/products.service.ts';
import { createOrder, putGroupLimit, setOrderStatus } from '../sales/orders.service.ts';
import { createQuote, setQuoteStatus } from '../sales/quotes.service.ts';

/** What the demo's sales speak, per language. */
const WORDS: Record<
  TLocale,
  { category: string; list: string; deal: string; unit: string; piece: string; other: string; otherRate: string }
> = {
  it: { category: 'Pane', list: 'Ingrosso', deal: '{{product}} per {{company}}', unit: 'kg', piece: 'pz', other: 'USD', otherRate: '0.92' },
  ru: { category: 'Хлеб', list: 'Опт', deal: '{{product}} для «{{company}}»', unit: 'кг', piece: 'шт', other: 'EUR', otherRate: '99.50' },
  en: {
    category: 'Bread',
    list: 'Wholesale',
    deal: '{{product}} for {{company}}',
    unit: 'kg',
    piece: 'pcs',
    other: 'USD',
    otherRate: '0.92',
  },
};

const DAY = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The bakery's sales: its breads in a wholesale price list, a deal with each business client
 * spread over the pipeline (two won, one lost), a proposal sent to the first, an order confirmed
 * for it, and a credit limit on the group of the first and third clients.
 */
export async function loadDemoSales(
  ctx: Ctx,
  locale: TLocale,
  breads: string[],
  companies: { id: string; name: string }[],
  groupId: string,
) {
  const words = WORDS[locale];
  await updateCurrencySettings(ctx, { currencies: [words.other] });
  await putExchangeRates(ctx, { rates: [{ currency: words.other, on: isoDay(-60), rate: words.otherRate }] });
  const category = await createCategory(ctx, { name: words.category });
  const list = await createPriceList(ctx, { name: words.list, currency: locale === 'ru' ? 'RUB' : 'EUR', isDefault: true });
  const price = (i: number) => (locale === 'ru' ? String(80 + i * 35) : (2.4 + i * 0.85).toFixed(2));
  const products = [];
  for (const [i, bread] of breads.entries()) {
    products.push(
      await createProduct(ctx, {
        sku: `BR-${String(i + 1).padStart(3, '0')}`,
        name: capitalise(bread),
        categoryId: category.id,
        unit: i % 3 === 0 ? words.unit : words.piece,
        vatRate: locale === 'ru' ? '10' : locale === 'it' ? '4' : '0',
        prices: [{ priceListId: list.id, price: price(i) }],
      }),
    );
  }
  const [pipeline] = await listPipelines(ctx);
  const [lostReason] = await listLostReasons(ctx);
  if (!pipeline || !lostReason) return;
  const stages = pipeline.stages;
  for (const [i, company] of companies.entries()) {
    const product = products[i % products.length];
    if (!product) continue;
    const stage =
      i === 0 || i === 4 ? stages.find((s) => s.kind === 'won') : i === 5 ? stages.find((s) => s.kind === 'lost') : stages[i % 4];
    await createDeal(ctx, {
      title: words.deal.replace('{{product}}', product.name).replace('{{company}}', company.name),
      companyId: company.id,
      productId: product.id,
      amount: String((locale === 'ru' ? 45_000 : 900) * (i + 1)),
      expectedCloseOn: isoDay(10 + i * 9),
      ...(stage ? { stageId: stage.id } : {}),
      ...(stage?.kind === 'lost' ? { lostReasonId: lostReason.id } : {}),
    });
  }
  const first = companies[0];
  const [rye, second] = products;
  if (!first || !rye || !second) return;
  const quote = await createQuote(ctx, {
    companyId: first.id,
    language: locale,
    validUntil: isoDay(30),
    lines: [
      { productId: rye.id, quantity: '120' },
      { productId: second.id, quantity: '40', discountPercent: '5' },
    ],
  });
  await setQuoteStatus(ctx, quote.id, { status: 'sent' });
  const order = await createOrder(ctx, { companyId: first.id, lines: [{ productId: rye.id, quantity: '200' }] });
  await setOrderStatus(ctx, order.id, { status: 'confirmed' });
  await putGroupLimit(ctx, groupId, { limit: locale === 'ru' ? '150000' : '2500' });
}
