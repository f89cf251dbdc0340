export { priceLists, productCategories, productPrices, products } from './products.table.ts';
