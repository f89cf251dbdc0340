export { listPriceLists, productsInOrder } from './products.service.ts';
export { priceLists, productCategories, productPrices, products } from './products.table.ts';
